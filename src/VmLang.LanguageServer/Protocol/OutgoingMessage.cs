using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace VmLang.LanguageServer.Protocol;

/// <summary>
/// Builds the JSON-RPC envelopes the server sends. The payload is serialized straight into the
/// envelope through its source-generated <see cref="JsonTypeInfo{T}"/>, which also makes a null
/// result come out as <c>"result": null</c> as JSON-RPC requires.
/// </summary>
internal static class OutgoingMessage
{
    // The default encoder escapes all non-ASCII text as \uXXXX; LSP is UTF-8 end to end and never
    // embedded in HTML, so the relaxed encoder keeps messages readable and small.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Request<TParams>(RequestId id, string method, TParams parameters, JsonTypeInfo<TParams> paramsType) =>
        Write(writer =>
        {
            writer.WritePropertyName("id");
            id.WriteTo(writer);
            writer.WriteString("method", method);
            writer.WritePropertyName("params");
            JsonSerializer.Serialize(writer, parameters, paramsType);
        });

    public static byte[] Notification<TParams>(string method, TParams parameters, JsonTypeInfo<TParams> paramsType) =>
        Write(writer =>
        {
            writer.WriteString("method", method);
            writer.WritePropertyName("params");
            JsonSerializer.Serialize(writer, parameters, paramsType);
        });

    public static byte[] Result<TResult>(RequestId id, TResult result, JsonTypeInfo<TResult> resultType) =>
        Write(writer =>
        {
            writer.WritePropertyName("id");
            id.WriteTo(writer);
            writer.WritePropertyName("result");
            JsonSerializer.Serialize(writer, result, resultType);
        });

    /// <summary>A response whose result is <c>null</c> (e.g. to <c>shutdown</c>).</summary>
    public static byte[] NullResult(RequestId id) =>
        Write(writer =>
        {
            writer.WritePropertyName("id");
            id.WriteTo(writer);
            writer.WriteNull("result");
        });

    /// <summary>An error response; <paramref name="id"/> is null when the request's id could not be read.</summary>
    public static byte[] Error(RequestId? id, int code, string message) =>
        Write(writer =>
        {
            writer.WritePropertyName("id");
            if (id is RequestId known)
            {
                known.WriteTo(writer);
            }
            else
            {
                writer.WriteNullValue();
            }

            writer.WritePropertyName("error");
            JsonSerializer.Serialize(writer, new ResponseError { Code = code, Message = message }, LspJsonContext.Default.ResponseError);
        });

    private static byte[] Write(Action<Utf8JsonWriter> writeMembers)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writeMembers(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
