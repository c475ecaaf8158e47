using System.Text.Json;

namespace VmLang.LanguageServer.Protocol;

/// <summary>
/// Any JSON-RPC message the client can send, decoded in one shape: a request has <see cref="Method"/>
/// and <see cref="Id"/>, a notification only <see cref="Method"/>, and a response to one of our own
/// requests only <see cref="Id"/> (with <see cref="Result"/> or <see cref="Error"/>).
/// </summary>
internal sealed record IncomingMessage
{
    public RequestId? Id { get; init; }

    public string? Method { get; init; }

    public JsonElement? Params { get; init; }

    public JsonElement? Result { get; init; }

    public ResponseError? Error { get; init; }
}
