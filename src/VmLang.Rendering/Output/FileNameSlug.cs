using System.Text;

namespace VmLang.Rendering;

/// <summary>
/// A prospect's name made safe for a file name: lowercase ASCII letters, digits and single
/// dashes, at most <see cref="MaxLength"/> characters, "prospect" if nothing is left.
/// </summary>
/// <remarks>
/// Latin diacritics are folded by a table ("Zoë Ångström" → "zoe-angstrom") because the
/// project runs with invariant globalization, where <see cref="string.Normalize()"/> does
/// nothing. Combining marks are dropped; every other character (other scripts, punctuation,
/// path separators, dots, NUL) becomes a dash. The result can never contain a separator or
/// "..", so no value can name a path outside the output directory.
/// </remarks>
internal static class FileNameSlug
{
    public const int MaxLength = 40;

    public const string Fallback = "prospect";

    /// <summary>ASCII folds of U+00C0–U+017F (Latin-1 Supplement letters and Latin Extended-A); null where there is none.</summary>
    private static readonly string?[] LatinFolds = BuildLatinFolds();

    public static string From(string? name)
    {
        var slug = new StringBuilder(MaxLength);
        var pendingDash = false;
        foreach (var c in name ?? "")
        {
            if (c is >= '\u0300' and <= '\u036F')
            {
                // A combining mark (decomposed "e\u0301"): the base letter was already kept.
                continue;
            }

            var folded = Fold(c);
            if (folded is null)
            {
                pendingDash = true;
                continue;
            }

            if (pendingDash && slug.Length > 0)
            {
                slug.Append('-');
            }

            pendingDash = false;
            slug.Append(folded);
            if (slug.Length >= MaxLength)
            {
                break;
            }
        }

        var text = slug.Length > MaxLength ? slug.ToString(0, MaxLength) : slug.ToString();
        text = text.TrimEnd('-');
        return text.Length == 0 ? Fallback : text;
    }

    private static string? Fold(char c)
    {
        if (char.IsAsciiLetterOrDigit(c))
        {
            return char.ToLowerInvariant(c).ToString();
        }

        return c is >= '\u00C0' and <= '\u017F' ? LatinFolds[c - '\u00C0'] : null;
    }

    private static string?[] BuildLatinFolds()
    {
        // U+00C0–U+00FF, one entry per code point; "" marks × and ÷, which fold to nothing.
        string[] latin1 =
        [
            "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
            "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",
            "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
            "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
        ];

        // U+0100–U+017F as runs: upper/lower pairs of the same base letter follow each other.
        (string Fold, int Count)[] extendedA =
        [
            ("a", 6), ("c", 8), ("d", 4), ("e", 10), ("g", 8), ("h", 4), ("i", 10), ("ij", 2),
            ("j", 2), ("k", 3), ("l", 10), ("n", 9), ("o", 6), ("oe", 2), ("r", 6), ("s", 8),
            ("t", 6), ("u", 12), ("w", 2), ("y", 3), ("z", 6), ("s", 1),
        ];

        var folds = new List<string?>(0x180 - 0xC0);
        folds.AddRange(latin1.Select(static f => f.Length == 0 ? null : f));
        foreach (var (fold, count) in extendedA)
        {
            folds.AddRange(Enumerable.Repeat<string?>(fold, count));
        }

        if (folds.Count != 0x180 - 0xC0)
        {
            throw new InvalidOperationException("The Latin fold table must cover U+00C0–U+017F exactly.");
        }

        return [.. folds];
    }
}
