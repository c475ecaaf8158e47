using System.Globalization;
using System.Text;

namespace VmLang.Cli.Output;

/// <summary>
/// Makes text safe to print as part of one line: line breaks and other control characters in a message
/// or a path become escapes (<c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\u001B</c>), so a ruleset reason or a file
/// name cannot start a line of its own (a forged diagnostic, or a workflow command such as <c>::error</c>)
/// or send escape sequences to a terminal.
/// </summary>
internal static class OneLine
{
    public static string Escape(string text)
    {
        if (!text.AsSpan().ContainsAny(Special)) return text;
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case var _ when NeedsEscape(c): builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)); break;
                default: builder.Append(c); break;
            }
        }
        return builder.ToString();
    }

    // C0 and C1 controls, DEL, and the Unicode line and paragraph separators that some viewers break lines at.
    private static bool NeedsEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';

    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(i => (char)i), .. Enumerable.Range(0x7F, 0x21).Select(i => (char)i), '\u2028', '\u2029']);
}
