using System.Globalization;
using System.Text;
using VmLang.Configuration;
using VmLang.Text;

namespace VmLang.Rendering;

/// <summary>
/// Speech Synthesis Markup Language for text-to-speech engines:
/// <code>
/// &lt;speak&gt;Hi Dana.&lt;break time="500ms"/&gt;Reach me at &lt;say-as interpret-as="telephone"&gt;817-224-9900&lt;/say-as&gt;.&lt;/speak&gt;
/// </code>
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>The root is a bare <c>&lt;speak&gt;</c>: the form Amazon Polly and Google accept as is.
/// Engines that insist on <c>version</c>, <c>xmlns</c> and <c>xml:lang</c> (Azure) need them
/// added; no engine's namespace is guessed here.</item>
/// <item>Between two sentences (<see cref="Sentences"/>, the definition the spoken-length
/// estimate counts pauses with) the whitespace becomes a break of the workspace's
/// <c>pauseSeconds</c> (500 ms by default). Other runs of whitespace, line breaks included,
/// become one space, so each document is one line.</item>
/// <item>Each occurrence of the contact value is wrapped in
/// <c>&lt;say-as interpret-as="telephone"&gt;</c>, and no break is inserted inside it.</item>
/// <item>All text is XML-escaped (see <see cref="XmlText"/>), so data can never add markup.</item>
/// <item>No XML declaration: UTF-8 is XML's default, and on stdout the documents follow one
/// another, one per line.</item>
/// </list>
/// </remarks>
internal sealed class SsmlScriptFormatter(double pauseSeconds) : ScriptFormatter
{
    public static readonly SsmlScriptFormatter Instance = new(WorkspaceConfiguration.DefaultPauseSeconds);

    private readonly string _sentenceBreak = $"<break time=\"{Math.Round(pauseSeconds * 1000).ToString(CultureInfo.InvariantCulture)}ms\"/>";

    public override ScriptFormat Format => ScriptFormat.Ssml;

    public override string FileExtension => "ssml";

    public override string FormatScript(RenderedScript script)
    {
        var text = Normalize(script.Script);
        var contact = script.Contact is null ? null : Normalize(script.Contact);

        var xml = new StringBuilder("<speak>", text.Length + 64);
        foreach (var piece in Sentences.Split(text, contact))
        {
            switch (piece.Kind)
            {
                case SpokenPieceKind.Telephone:
                    xml.Append("<say-as interpret-as=\"telephone\">");
                    XmlText.AppendEscaped(xml, text.Substring(piece.Start, piece.Length));
                    xml.Append("</say-as>");
                    break;
                case SpokenPieceKind.Pause:
                    xml.Append(_sentenceBreak);
                    break;
                default:
                    AppendText(xml, piece.In(text));
                    break;
            }
        }

        xml.Append("</speak>\n");
        return xml.ToString();
    }

    /// <summary>Escaped, with each run of whitespace as one space.</summary>
    private static void AppendText(StringBuilder xml, ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                xml.Append(' ');
                while (i + 1 < text.Length && char.IsWhiteSpace(text[i + 1])) i++;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                xml.Append(c).Append(text[++i]);
            }
            else
            {
                XmlText.AppendEscaped(xml, c);
            }
        }
    }
}
