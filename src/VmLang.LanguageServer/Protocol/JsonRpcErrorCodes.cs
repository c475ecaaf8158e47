namespace VmLang.LanguageServer.Protocol;

/// <summary>Error codes of JSON-RPC 2.0 and the ones LSP 3.17 adds.</summary>
internal static class JsonRpcErrorCodes
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;

    /// <summary>A request arrived before <c>initialize</c>.</summary>
    public const int ServerNotInitialized = -32002;

    /// <summary>The request was valid but could not be carried out (e.g. rename at a position with no symbol).</summary>
    public const int RequestFailed = -32803;

    /// <summary>The document changed while the request ran, so its result would be stale.</summary>
    public const int ContentModified = -32801;

    /// <summary>The client cancelled the request with <c>$/cancelRequest</c>.</summary>
    public const int RequestCancelled = -32800;
}
