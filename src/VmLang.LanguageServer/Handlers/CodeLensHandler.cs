using VmLang.LanguageServer.Protocol;
using VmLang.LanguageServer.Workspace;

namespace VmLang.LanguageServer.Handlers;

/// <summary>
/// <c>textDocument/codeLens</c>: "≈ N s spoken of M s" above each template. The lens only informs, so
/// its command is empty (editors then show it as text that does nothing when clicked).
/// </summary>
internal sealed class CodeLensHandler(ServerWorkspace workspace)
{
    public void Register(LanguageServerConnection connection) =>
        connection.OnDocumentRequest<CodeLensParams, IReadOnlyList<CodeLens>>(workspace, LspMethods.TextDocumentCodeLens, Lenses);

    private IReadOnlyList<CodeLens>? Lenses(CodeLensParams request, DocumentContext document, CancellationToken cancellationToken)
    {
        var configuration = document.Compilation.Configuration;
        return
        [
            .. document.Compilation.Templates
                .Where(t => t.SyntaxTree == document.Tree && !t.NameToken.IsMissing)
                .TakeWhile(_ => !cancellationToken.IsCancellationRequested)
                .Select(t => new CodeLens
                {
                    Range = document.RangeOf(t.NameToken.Span),
                    Command = new Command { Title = LanguageDescriptions.SpokenLength(t, configuration), Name = "" },
                }),
        ];
    }
}
