namespace VmLang.LanguageServer.Protocol;

/// <summary>
/// Thrown by a request handler to answer with a specific JSON-RPC error instead of InternalError
/// (e.g. <see cref="JsonRpcErrorCodes.RequestFailed"/> for a rename that cannot be done);
/// also thrown by <see cref="LanguageServerConnection.SendRequestAsync{TParams, TResult}"/>
/// when the client answers a server request with an error.
/// </summary>
internal sealed class ResponseErrorException : Exception
{
    public ResponseErrorException(int code, string message)
        : base(message) => Code = code;

    public int Code { get; }
}
