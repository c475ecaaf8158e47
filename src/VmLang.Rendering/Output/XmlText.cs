using System.Text;

namespace VmLang.Rendering;

/// <summary>Escaping for XML character data and attribute values.</summary>
internal static class XmlText
{
    /// <summary>
    /// Appends <paramref name="c"/> escaped. The five XML-significant characters become
    /// entities (quotes too, so the same text is safe in an attribute). Characters XML 1.0
    /// cannot hold at all — C0 controls other than tab and line breaks, U+FFFE, U+FFFF,
    /// unpaired surrogates — become U+FFFD: an entity would not help, <c>&amp;#1;</c> is just as
    /// illegal, and throwing would fail a whole run over one stray byte in the data.
    /// </summary>
    public static void AppendEscaped(StringBuilder xml, char c)
    {
        switch (c)
        {
            case '&': xml.Append("&amp;"); break;
            case '<': xml.Append("&lt;"); break;
            case '>': xml.Append("&gt;"); break;
            case '"': xml.Append("&quot;"); break;
            case '\'': xml.Append("&apos;"); break;
            default:
                xml.Append(IsXmlChar(c) ? c : '\uFFFD');
                break;
        }
    }

    /// <summary>Appends <paramref name="text"/> escaped, keeping valid surrogate pairs.</summary>
    public static void AppendEscaped(StringBuilder xml, string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                xml.Append(text[i]).Append(text[++i]);
            }
            else
            {
                AppendEscaped(xml, text[i]);
            }
        }
    }

    private static bool IsXmlChar(char c) =>
        c is '\t' or '\n' or '\r'
        || (c >= '\u0020' && c <= '\uD7FF')
        || (c >= '\uE000' && c <= '\uFFFD');
}
