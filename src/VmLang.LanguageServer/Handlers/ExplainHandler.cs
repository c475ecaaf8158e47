using VmLang.Diagnostics;
using VmLang.LanguageServer.Protocol;

namespace VmLang.LanguageServer.Handlers;

/// <summary><c>vmlang/explain</c>: a diagnostic code's doc page, the text <c>vmlang explain CODE</c> prints.</summary>
internal sealed class ExplainHandler
{
    public static void Register(LanguageServerConnection connection) =>
        connection.OnRequest<ExplainParams, ExplainResult>(LspMethods.VmLangExplain, (request, _) => Task.FromResult(Explain(request.Code)));

    private static ExplainResult Explain(string code) =>
        DiagnosticDocs.Find(code.Trim()) is { } doc
            ? new ExplainResult { Code = doc.Code, Markdown = doc.Markdown.TrimEnd() }
            : throw new ResponseErrorException(JsonRpcErrorCodes.InvalidParams,
                $"Unknown diagnostic code '{code}'; codes are {string.Join(", ", DiagnosticDescriptors.All.Select(d => d.Code))}.");
}
