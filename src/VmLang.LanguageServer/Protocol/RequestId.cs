using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VmLang.LanguageServer.Protocol;

/// <summary>
/// A JSON-RPC request id: an integer or a string. Kept in its original form so that the
/// response echoes exactly what the client sent (<c>1</c> and <c>"1"</c> are different ids).
/// </summary>
[JsonConverter(typeof(RequestIdJsonConverter))]
internal readonly record struct RequestId
{
    private readonly long _number;
    private readonly string? _text;

    public RequestId(long number) => _number = number;

    public RequestId(string text) => _text = text;

    public void WriteTo(Utf8JsonWriter writer)
    {
        if (_text is not null)
        {
            writer.WriteStringValue(_text);
        }
        else
        {
            writer.WriteNumberValue(_number);
        }
    }

    public override string ToString() => _text is not null ? $"\"{_text}\"" : _number.ToString(CultureInfo.InvariantCulture);
}

internal sealed class RequestIdJsonConverter : JsonConverter<RequestId>
{
    public override RequestId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetInt64(out long number) => new RequestId(number),
        JsonTokenType.String => new RequestId(reader.GetString()!),
        _ => throw new JsonException("A request id must be an integer or a string."),
    };

    public override void Write(Utf8JsonWriter writer, RequestId value, JsonSerializerOptions options) => value.WriteTo(writer);
}
