using VmLang.LanguageServer.Protocol;
using VmLang.LanguageServer.Workspace;

namespace VmLang.LanguageServer.Handlers;

internal static class DocumentRequests
{
    /// <summary>
    /// Registers a request about one document: the workspace's state is taken as the request arrives, so it
    /// reflects every earlier edit (see <see cref="LanguageServerConnection"/> for the ordering rules), and
    /// <paramref name="compute"/> runs off the dispatch loop. A document the workspace does not have is answered null.
    /// </summary>
    public static void OnDocumentRequest<TParams, TResult>(
        this LanguageServerConnection connection,
        ServerWorkspace workspace,
        string method,
        Func<TParams, DocumentContext, CancellationToken, TResult?> compute)
        where TParams : ITextDocumentParams
        where TResult : class =>
        connection.OnRequest<TParams, DocumentContext?, TResult?>(
            method,
            request => DocumentContext.Find(workspace, request.TextDocument.Uri),
            (request, document, cancellationToken) => document is null ? null : compute(request, document, cancellationToken));
}
