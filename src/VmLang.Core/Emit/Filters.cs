using System.Globalization;
using System.Text;

namespace VmLang.Emit;

/// <summary>
/// The filters a hole may apply (<c>{{ prospect | first }}</c>, spec §6) and the digit count
/// behind the render-time "contact with fewer than 7 digits" check (spec §9).
/// </summary>
/// <remarks>
/// Every function is pure and total: a null or blank input gives a blank output instead of an
/// exception, because these run once per data row and a missing value is the row checker's
/// business, not the filter's.
/// </remarks>
public static class Filters
{
    private static readonly string[] DigitWords =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    /// <summary>True for a digit's name as <see cref="Spoken(string?)"/> writes it ("zero" … "nine"), in any case.</summary>
    public static bool IsDigitWord(ReadOnlySpan<char> word)
    {
        // The names are three to five letters long. The length estimate asks this of many words of every
        // template and row, so an ASCII word is compared with the one or two names of its first letter and
        // length; a word with other characters is compared as OrdinalIgnoreCase compares, which folds some
        // of them to ASCII letters.
        if (word.Length is < 3 or > 5) return false;
        if (!System.Text.Ascii.IsValid(word)) return IsDigitWordIgnoringCase(word);
        var name = DigitNameFor(word);
        return name is not null && System.Text.Ascii.EqualsIgnoreCase(word, name);
    }

    /// <summary>
    /// The one digit name an ASCII word of three to five letters could be, told by its first letter (either
    /// case) and length, or null: the one place the length estimate and this filter pick the name to compare.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static string? DigitNameFor(ReadOnlySpan<char> word) => ((word[0] | 0x20), word.Length) switch
    {
        ('z', 4) => "zero",
        ('o', 3) => "one",
        ('t', 3) => "two",
        ('t', 5) => "three",
        ('f', 4) => (word[1] | 0x20) == 'o' ? "four" : "five",
        ('s', 3) => "six",
        ('s', 5) => "seven",
        ('e', 5) => "eight",
        ('n', 4) => "nine",
        _ => null,
    };

    private static bool IsDigitWordIgnoringCase(ReadOnlySpan<char> word)
    {
        foreach (var name in DigitWords)
        {
            if (word.Equals(name, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>The first whitespace-separated word of <paramref name="value"/>, or "" if it has none.</summary>
    public static string First(string? value)
    {
        var text = (value ?? "").AsSpan().Trim();
        var end = IndexOfWhiteSpace(text);
        return (end < 0 ? text : text[..end]).ToString();
    }

    /// <summary>The last whitespace-separated word of <paramref name="value"/>, or "" if it has none.</summary>
    public static string Last(string? value)
    {
        var text = (value ?? "").AsSpan().Trim();
        var start = LastIndexOfWhiteSpace(text);
        return text[(start + 1)..].ToString();
    }

    /// <summary>Upper case, culture-invariant (a Turkish machine must not turn "i" into "İ").</summary>
    public static string Upper(string? value) => (value ?? "").ToUpperInvariant();

    /// <summary>Lower case, culture-invariant.</summary>
    public static string Lower(string? value) => (value ?? "").ToLowerInvariant();

    /// <summary>
    /// Spells a phone number out digit by digit, for a rep reading it aloud or a text-to-speech
    /// engine: <c>"(817) 224-9900"</c> becomes <c>"eight one seven, two two four, nine nine zero zero"</c>.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>Groups are the runs of digits the user wrote; the non-digits between them (spaces,
    /// dashes, dots, parentheses, "+") only separate groups. Groups are joined with ", " so that
    /// a speech engine pauses where a person would: <c>"+1 817 224 9900"</c> →
    /// <c>"one, eight one seven, two two four, nine nine zero zero"</c>. A number written without
    /// separators is one group: we do not guess a national numbering plan.</item>
    /// <item>An extension marker — the word <c>x</c>, <c>ext</c>, <c>extn</c> or <c>extension</c>
    /// (any case, an optional trailing "."), directly followed by a digit group — is read as
    /// "extension" and that group as one: <c>"x12"</c> → <c>"extension one two"</c>;
    /// <c>"224-9900 x12"</c> →
    /// <c>"two two four, nine nine zero zero, extension one two"</c>.</item>
    /// <item>Any other run of letters (a vanity number such as <c>1-800-FLOWERS</c>, a label like
    /// <c>Tel:</c>) is kept verbatim as its own group rather than dropped, so nothing the user
    /// wrote silently disappears from what is read out.</item>
    /// <item>A value with no digits at all is returned unchanged.</item>
    /// </list>
    /// Digits are Unicode decimal digits (<see cref="char.IsDigit(char)"/>), so full-width
    /// "８" reads as "eight" like "8".
    /// </remarks>
    public static string Spoken(string? value)
    {
        if (value is null)
        {
            return "";
        }

        var tokens = PhoneToken.Split(value);
        if (!tokens.Any(static token => token.Kind == PhoneTokenKind.Digits))
        {
            return value;
        }

        var spoken = new StringBuilder();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (spoken.Length > 0)
            {
                spoken.Append(", ");
            }

            if (token.Kind == PhoneTokenKind.Digits)
            {
                AppendDigitWords(spoken, token.Text);
            }
            else if (IsExtensionMarker(tokens, i))
            {
                // "x12" reads as one group: "extension one two".
                spoken.Append("extension ");
                AppendDigitWords(spoken, tokens[++i].Text);
            }
            else
            {
                spoken.Append(token.Text);
            }
        }

        return spoken.ToString();
    }

    /// <summary>
    /// How many digits the phone number in <paramref name="value"/> has, not counting an
    /// extension (see <see cref="Spoken(string?)"/> for what counts as one): the render check
    /// "a contact with fewer than 7 digits" is about whether the number itself can be dialled,
    /// and <c>"224 x12345"</c> cannot.
    /// </summary>
    public static int CountDigits(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return 0;
        }

        // The tokens of PhoneToken.Split, walked in place: this runs on every row's contact value.
        var count = 0;
        var i = 0;
        while (i < value.Length)
        {
            var kind = PhoneToken.KindOf(value[i]);
            if (kind is null)
            {
                i++;
                continue;
            }

            var start = i;
            while (i < value.Length && PhoneToken.KindOf(value[i]) == kind)
            {
                i++;
            }

            if (kind == PhoneTokenKind.Digits)
            {
                count += i - start;
            }
            else if (IsExtensionWord(value.AsSpan(start, i - start)) && NextTokenIsDigits(value, i))
            {
                break;
            }
        }

        return count;
    }

    private static bool NextTokenIsDigits(string value, int from)
    {
        for (var i = from; i < value.Length; i++)
        {
            if (PhoneToken.KindOf(value[i]) is { } kind)
            {
                return kind == PhoneTokenKind.Digits;
            }
        }

        return false;
    }

    private static bool IsExtensionMarker(IReadOnlyList<PhoneToken> tokens, int index)
    {
        if (tokens[index].Kind != PhoneTokenKind.Letters
            || index + 1 >= tokens.Count
            || tokens[index + 1].Kind != PhoneTokenKind.Digits)
        {
            return false;
        }

        return IsExtensionWord(tokens[index].Text);
    }

    /// <summary>"x", "ext", "extn" or "extension" in any case, compared as <see cref="string.ToLowerInvariant()"/> lowers it.</summary>
    private static bool IsExtensionWord(ReadOnlySpan<char> word) =>
        LowersTo(word, "x") || LowersTo(word, "ext") || LowersTo(word, "extn") || LowersTo(word, "extension");

    private static bool LowersTo(ReadOnlySpan<char> word, string lower)
    {
        if (word.Length != lower.Length)
        {
            return false;
        }

        for (var i = 0; i < word.Length; i++)
        {
            if (char.ToLowerInvariant(word[i]) != lower[i])
            {
                return false;
            }
        }

        return true;
    }

    private static void AppendDigitWords(StringBuilder spoken, string digits)
    {
        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0)
            {
                spoken.Append(' ');
            }

            spoken.Append(DigitWords[CharUnicodeInfo.GetDecimalDigitValue(digits[i])]);
        }
    }

    private static int IndexOfWhiteSpace(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static int LastIndexOfWhiteSpace(ReadOnlySpan<char> text)
    {
        for (var i = text.Length - 1; i >= 0; i--)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private enum PhoneTokenKind
    {
        Digits,
        Letters,
    }

    /// <summary>A run of digits or of letters in a phone value; everything else only separates runs.</summary>
    private readonly record struct PhoneToken(PhoneTokenKind Kind, string Text)
    {
        public static List<PhoneToken> Split(string value)
        {
            var tokens = new List<PhoneToken>();
            var i = 0;
            while (i < value.Length)
            {
                var kind = KindOf(value[i]);
                if (kind is null)
                {
                    i++;
                    continue;
                }

                var start = i;
                while (i < value.Length && KindOf(value[i]) == kind)
                {
                    i++;
                }

                tokens.Add(new PhoneToken(kind.Value, value[start..i]));
            }

            return tokens;
        }

        public static PhoneTokenKind? KindOf(char c) =>
            char.IsDigit(c) ? PhoneTokenKind.Digits
            : char.IsLetter(c) ? PhoneTokenKind.Letters
            : null;
    }
}
