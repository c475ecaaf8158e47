using System.Text;

namespace VmLang.Rendering;

/// <summary>
/// A call sheet in Markdown:
/// <code>
/// ## Dana Reyes
///
/// Row 3 · template `first_touch` · ≈ 21.4 s
///
/// &gt; Hi Dana, this is Sam with Northwind Telecom.
/// &gt; I'll try you again Thursday.
///
/// Warnings:
///
/// - row 3: …
/// </code>
/// The script is a block quote rather than a fenced block so it renders as prose to read
/// aloud; its lines, the prospect and the warnings are escaped (see <see cref="MarkdownText"/>).
/// The warnings section is left out when there are none. On one stream, sheets are separated
/// by a thematic break.
/// </summary>
internal sealed class MarkdownScriptFormatter : ScriptFormatter
{
    public static readonly MarkdownScriptFormatter Instance = new();

    public override ScriptFormat Format => ScriptFormat.Markdown;

    public override string FileExtension => "md";

    public override string Separator => "\n---\n\n";

    public override string FormatScript(RenderedScript script)
    {
        var sheet = new StringBuilder();
        var prospect = OneLine(script.Prospect);
        sheet.Append("## ").Append(prospect.Length > 0 ? MarkdownText.EscapeLine(prospect) : $"Row {script.Row}").Append("\n\n");

        sheet.Append("Row ").Append(script.Row)
            .Append(" · template ").Append(TemplateName(script.Template))
            .Append(" · ≈ ").Append(FormatSeconds(script.Seconds)).Append(" s\n\n");

        foreach (var line in Normalize(script.Script).Trim().Split('\n'))
        {
            var escaped = MarkdownText.EscapeLine(line);
            sheet.Append(escaped.Length == 0 ? ">" : "> " + escaped).Append('\n');
        }

        if (script.Warnings.Count > 0)
        {
            sheet.Append("\nWarnings:\n\n");
            foreach (var warning in script.Warnings)
            {
                sheet.Append("- ").Append(MarkdownText.EscapeLine(OneLine(warning))).Append('\n');
            }
        }

        return sheet.ToString();
    }

    /// <summary>A template name is an identifier, shown as code; anything else is escaped text.</summary>
    private static string TemplateName(string template) =>
        template.Length > 0 && template.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? $"`{template}`"
            : MarkdownText.EscapeLine(OneLine(template));
}
