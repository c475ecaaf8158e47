using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace VmLang.Rendering;

/// <summary>
/// One JSON object per script, on one line, keys in the order spec §9 lists them:
/// <c>{"row":1,"template":"…","prospect":"…","script":"…","seconds":21.4,"warnings":[…]}</c>.
/// Written with <see cref="Utf8JsonWriter"/>, no reflection. Seconds are rounded to one decimal.
/// A measured script (<c>render --measure</c>) has <c>"spokenSeconds"</c> right after <c>"seconds"</c>.
/// </summary>
internal sealed class JsonLinesScriptFormatter : ScriptFormatter
{
    public static readonly JsonLinesScriptFormatter Instance = new();

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // The output is data, never embedded in HTML, so names like "Zoë" and "O'Brien" can
        // stay readable instead of becoming \u00EB and \u0027. Quotes, backslashes and control
        // characters are still escaped as JSON requires.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public override ScriptFormat Format => ScriptFormat.JsonLines;

    // A per-row file holds one such line, which is a valid JSON Lines file of one record, so
    // `cat out/*.jsonl` gives the same as rendering to stdout.
    public override string FileExtension => "jsonl";

    public override string FormatScript(RenderedScript script)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteNumber("row", script.Row);
            json.WriteString("template", Normalize(script.Template));
            json.WriteString("prospect", Normalize(script.Prospect));
            json.WriteString("script", Normalize(script.Script));
            json.WriteNumber("seconds", RoundSeconds(script.Seconds));
            if (script.SpokenSeconds is { } spoken)
            {
                json.WriteNumber("spokenSeconds", RoundSeconds(spoken));
            }

            json.WriteStartArray("warnings");
            foreach (var warning in script.Warnings)
            {
                json.WriteStringValue(Normalize(warning));
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }
}
