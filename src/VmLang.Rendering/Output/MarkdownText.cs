using System.Text;

namespace VmLang.Rendering;

/// <summary>Escaping that keeps data from turning into Markdown syntax (CommonMark / GFM).</summary>
internal static class MarkdownText
{
    /// <summary>
    /// Characters that start inline syntax anywhere in a line: emphasis, code, links, HTML,
    /// entities, tables, strikethrough, and the backslash itself.
    /// </summary>
    private const string InlineSyntax = "\\`*_[]<>&|~";

    /// <summary>
    /// One line of text escaped so it renders as written. CommonMark lets any ASCII punctuation
    /// be backslash-escaped, so over-escaping is safe; we escape only what can take effect, to
    /// keep the raw Markdown readable. Leading whitespace is dropped (four spaces would start a
    /// code block) and trailing whitespace too (two spaces would force a line break).
    /// </summary>
    public static string EscapeLine(string line)
    {
        var text = line.Trim();
        var escaped = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (InlineSyntax.Contains(c) || (i == 0 && StartsBlock(text)))
            {
                escaped.Append('\\');
            }
            else if (c is '.' or ')' && IsOrderedListMarker(text, i))
            {
                // "1. Call" would become a numbered list; escape the dot, not the digits.
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>A heading (#), block quote (&gt;, escaped anyway), list item (-, +, *) or setext underline (=).</summary>
    private static bool StartsBlock(string text) => text[0] is '#' or '-' or '+' or '=';

    private static bool IsOrderedListMarker(string text, int index)
    {
        if (index == 0 || index > 9)
        {
            return false;
        }

        for (var i = 0; i < index; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }

        return index + 1 == text.Length || text[index + 1] is ' ' or '\t';
    }
}
