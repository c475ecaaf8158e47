using System.Text;

namespace VmLang.Rendering;

/// <summary>
/// Plain text for a person to read from:
/// <code>
/// --- row 3 · Dana Reyes · first_touch · ≈ 21.4 s · 1 warning ---
/// Hi Dana, this is Sam with Northwind Telecom.
/// …
/// </code>
/// The header line carries what tells scripts apart on one stream; the warnings themselves go
/// to stderr with the row number, so the script stays clean to read aloud. On one stream,
/// scripts are separated by a blank line.
/// </summary>
internal sealed class TextScriptFormatter : ScriptFormatter
{
    public static readonly TextScriptFormatter Instance = new();

    public override ScriptFormat Format => ScriptFormat.Text;

    public override string FileExtension => "txt";

    public override string Separator => "\n";

    public override string FormatScript(RenderedScript script)
    {
        var text = new StringBuilder();
        text.Append("--- row ").Append(script.Row);
        var prospect = OneLine(script.Prospect);
        if (prospect.Length > 0)
        {
            text.Append(" · ").Append(prospect);
        }

        text.Append(" · ").Append(OneLine(script.Template));
        text.Append(" · ≈ ").Append(FormatSeconds(script.Seconds)).Append(" s");
        if (script.Warnings.Count > 0)
        {
            text.Append(" · ").Append(script.Warnings.Count).Append(script.Warnings.Count == 1 ? " warning" : " warnings");
        }

        text.Append(" ---\n");
        text.Append(Normalize(script.Script).TrimEnd('\n')).Append('\n');
        return text.ToString();
    }
}
