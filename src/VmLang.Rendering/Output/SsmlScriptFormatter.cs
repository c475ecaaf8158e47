using System.Text;

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
/// <item>A sentence ends at ".", "!" or "?" followed by whitespace; the whitespace is replaced
/// by a 500 ms break. Abbreviations ("Dr. Reyes") get a break too: telling them apart needs a
/// language model, and an extra pause is harmless. Other runs of whitespace, line breaks
/// included, become one space, so each document is one line.</item>
/// <item>Each occurrence of the contact value is wrapped in
/// <c>&lt;say-as interpret-as="telephone"&gt;</c>, and no break is inserted inside it.</item>
/// <item>All text is XML-escaped (see <see cref="XmlText"/>), so data can never add markup.</item>
/// <item>No XML declaration: UTF-8 is XML's default, and on stdout the documents follow one
/// another, one per line.</item>
/// </list>
/// </remarks>
internal sealed class SsmlScriptFormatter : ScriptFormatter
{
    public static readonly SsmlScriptFormatter Instance = new();

    private const string SentenceBreak = "<break time=\"500ms\"/>";

    public override ScriptFormat Format => ScriptFormat.Ssml;

    public override string FileExtension => "ssml";

    public override string FormatScript(RenderedScript script)
    {
        var text = Normalize(script.Script).Trim();
        var contact = string.IsNullOrWhiteSpace(script.Contact) ? null : Normalize(script.Contact).Trim();

        var xml = new StringBuilder("<speak>", text.Length + 64);
        var pendingSpace = false;
        var i = 0;
        while (i < text.Length)
        {
            if (contact is not null && text.AsSpan(i).StartsWith(contact, StringComparison.Ordinal))
            {
                AppendPendingSpace(xml, ref pendingSpace);
                xml.Append("<say-as interpret-as=\"telephone\">");
                XmlText.AppendEscaped(xml, contact);
                xml.Append("</say-as>");
                i += contact.Length;
                continue;
            }

            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                i++;
                continue;
            }

            AppendPendingSpace(xml, ref pendingSpace);
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                xml.Append(c).Append(text[i + 1]);
                i += 2;
                continue;
            }

            XmlText.AppendEscaped(xml, c);
            i++;
            if (c is '.' or '!' or '?' && i < text.Length && char.IsWhiteSpace(text[i]))
            {
                // The text is trimmed, so whitespace here is always followed by more text.
                while (char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                xml.Append(SentenceBreak);
            }
        }

        xml.Append("</speak>\n");
        return xml.ToString();
    }

    private static void AppendPendingSpace(StringBuilder xml, ref bool pendingSpace)
    {
        if (pendingSpace)
        {
            xml.Append(' ');
            pendingSpace = false;
        }
    }
}
