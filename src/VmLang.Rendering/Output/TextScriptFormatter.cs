using System.Globalization;

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
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        WriteScript(text, script);
        return text.ToString();
    }

    // Written piece by piece: this runs once per row on the render path.
    public override void WriteScript(TextWriter output, RenderedScript script)
    {
        output.Write("--- row ");
        WriteNumber(output, script.Row);
        var prospect = OneLine(script.Prospect);
        if (prospect.Length > 0)
        {
            output.Write(" · ");
            output.Write(prospect);
        }

        output.Write(" · ");
        output.Write(OneLine(script.Template));
        output.Write(" · ≈ ");
        WriteSeconds(output, script.Seconds);
        output.Write(" s");
        if (script.Warnings.Count > 0)
        {
            output.Write(" · ");
            WriteNumber(output, script.Warnings.Count);
            output.Write(script.Warnings.Count == 1 ? " warning" : " warnings");
        }

        output.Write(" ---\n");
        output.Write(Normalize(script.Script).AsSpan().TrimEnd('\n'));
        output.Write('\n');
    }
}
