using System.Buffers;
using System.Globalization;
using System.Text;

namespace VmLang.Rules.Phrases;

/// <summary>
/// The text rules of phrase matching (spec §7), shared by building and scanning so that a phrase and the
/// text it is looked for in are compared in one normal form.
/// </summary>
/// <remarks>
/// <para>
/// Normal form: every run of whitespace (spaces, tabs, newlines, no-break spaces, …) is one space; the
/// curly apostrophes ’ (U+2019) and ‘ (U+2018) are <c>'</c>; letters are compared by simple case folding
/// (each UTF-16 unit on its own, so letters outside the Basic Multilingual Plane compare case-sensitively).
/// </para>
/// <para>
/// Whole words: a match may not start or end inside a word, that is between two word characters. A word
/// character is a letter, a decimal digit, a combining mark (it belongs to the letter before it), or an
/// apostrophe with a letter, digit or mark directly on both sides, as in "it's" or "90's". So "act now" does
/// not match in "exact now", "it" does not match in "it's", but "it's personal" matches in "It's personal."
/// and in "'it's personal'". Because the rule looks at both sides of an edge, a phrase that starts or ends
/// with punctuation ("100%") may touch a word on that side ("100%guaranteed"), as with <c>\b</c> in a
/// regular expression.
/// </para>
/// </remarks>
public static class PhraseText
{
    private const char Apostrophe = '\'';
    private const char LeftSingleQuotationMark = '\u2018';
    private const char RightSingleQuotationMark = '\u2019';

    /// <summary>
    /// Returns <paramref name="phrase"/> in the normal form the matcher compares: trimmed, whitespace runs
    /// collapsed to one space, apostrophes unified, case folded. A blank phrase gives the empty string.
    /// </summary>
    public static string Normalize(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);

        var normalized = new StringBuilder(phrase.Length);
        bool pendingSpace = false;
        foreach (char c in phrase)
        {
            if (char.IsWhiteSpace(c))
            {
                // Only a space between two non-space characters survives, which also trims both ends.
                pendingSpace = normalized.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                normalized.Append(' ');
                pendingSpace = false;
            }

            normalized.Append(Fold(c));
        }

        return normalized.ToString();
    }

    /// <summary>Folds one non-whitespace character to the form it is compared in.</summary>
    internal static char Fold(char c) => c switch
    {
        >= 'A' and <= 'Z' => (char)(c | 0x20),
        < '\u0080' => c,
        LeftSingleQuotationMark or RightSingleQuotationMark => Apostrophe,
        // Upper then lower also folds letters with two lower-case forms, like final sigma ς and σ.
        _ => char.ToLowerInvariant(char.ToUpperInvariant(c)),
    };

    /// <summary>
    /// Whether the match <c>[start, end)</c> of <paramref name="segment"/> covers whole words: neither edge
    /// falls inside a word. The edges of the segment count as word boundaries.
    /// </summary>
    internal static bool IsWholeWords(ReadOnlySpan<char> segment, int start, int end)
        => !IsInsideWord(segment, start) && !IsInsideWord(segment, end);

    /// <summary>Whether the position between <c>segment[index - 1]</c> and <c>segment[index]</c> is inside a word.</summary>
    internal static bool IsInsideWord(ReadOnlySpan<char> segment, int index)
        => WordCharacterEndsAt(segment, index) && WordCharacterStartsAt(segment, index);

    private static bool IsApostrophe(char c) => c is Apostrophe or LeftSingleQuotationMark or RightSingleQuotationMark;

    private static bool WordCharacterStartsAt(ReadOnlySpan<char> segment, int index)
    {
        if (index >= segment.Length)
        {
            return false;
        }

        return IsApostrophe(segment[index])
            ? LetterDigitOrMarkEndsAt(segment, index) && LetterDigitOrMarkStartsAt(segment, index + 1)
            : LetterDigitOrMarkStartsAt(segment, index);
    }

    private static bool WordCharacterEndsAt(ReadOnlySpan<char> segment, int index)
    {
        if (index <= 0)
        {
            return false;
        }

        return IsApostrophe(segment[index - 1])
            ? LetterDigitOrMarkEndsAt(segment, index - 1) && LetterDigitOrMarkStartsAt(segment, index)
            : LetterDigitOrMarkEndsAt(segment, index);
    }

    private static bool LetterDigitOrMarkStartsAt(ReadOnlySpan<char> segment, int index)
        => index < segment.Length
            && Rune.DecodeFromUtf16(segment[index..], out Rune rune, out _) == OperationStatus.Done
            && IsLetterDigitOrMark(rune);

    private static bool LetterDigitOrMarkEndsAt(ReadOnlySpan<char> segment, int index)
        => index > 0
            && Rune.DecodeLastFromUtf16(segment[..index], out Rune rune, out _) == OperationStatus.Done
            && IsLetterDigitOrMark(rune);

    private static bool IsLetterDigitOrMark(Rune rune)
        => Rune.IsLetterOrDigit(rune)
            || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark
                or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.EnclosingMark;
}
