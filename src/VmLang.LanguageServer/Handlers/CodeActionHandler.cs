using System.Text.Json;
using VmLang.Diagnostics;
using VmLang.LanguageServer.Protocol;
using VmLang.LanguageServer.Workspace;
using VmLang.Rules;
using CoreDiagnostic = VmLang.Diagnostics.Diagnostic;

namespace VmLang.LanguageServer.Handlers;

/// <summary>
/// <c>textDocument/codeAction</c>: for each diagnostic in the range, the fixes the compiler attached
/// to it, "Allow VMLxxxx in template 'x'" when it is inside a template, and "Set VMLxxxx to off in
/// vmlang.json" (creating the file if there is none).
/// </summary>
internal sealed class CodeActionHandler(ServerWorkspace workspace)
{
    public void Register(LanguageServerConnection connection) =>
        connection.OnDocumentRequest<CodeActionParams, IReadOnlyList<CodeAction>>(workspace, LspMethods.TextDocumentCodeAction, Actions);

    private IReadOnlyList<CodeAction>? Actions(CodeActionParams request, DocumentContext document, CancellationToken cancellationToken)
    {
        if (request.Context.Only is { } only && !only.Any(kind => kind == CodeActionKind.QuickFix || CodeActionKind.QuickFix.StartsWith(kind + ".", StringComparison.Ordinal)))
        {
            return [];
        }

        var range = TextSpanOf(document, request.Range);
        var actions = new List<CodeAction>();
        foreach (var diagnostic in document.Model.GetDiagnostics().Where(d => d.Location.Span.OverlapsWith(range) || d.Location.Span.Touches(range.Start)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var published = request.Context.Diagnostics.FirstOrDefault(p => LspConversions.Matches(p, diagnostic));
            if (request.Context.Diagnostics.Count > 0 && published is null) continue;
            var sent = published is null ? [] : new[] { published };
            actions.AddRange(diagnostic.Fixes.Select(fix => Action(fix.Title, Edit(document, fix.Edits), sent, fix.IsPreferred)));
            if (CanSuppress(diagnostic.Code))
            {
                if (TemplateOf(document, diagnostic, published) is { } template)
                {
                    var allow = Fixes.Allow(template, diagnostic.Code);
                    actions.Add(Action(allow.Title, Edit(document, allow.Edits), sent));
                }
                if (TurnOff(diagnostic.Code) is { } turnOff) actions.Add(Action($"Set {diagnostic.Code} to off in vmlang.json", turnOff, sent));
            }
        }
        return [.. actions.DistinctBy(a => a.Title)];
    }

    /// <summary>Syntax errors, problems with <c>allow</c> itself and an invalid vmlang.json cannot be allowed away.</summary>
    private static bool CanSuppress(string code) => code is not ("VML0001" or "VML0002" or "VML0003" or "VML0110" or "VML0111" or "VML0301");

    private static Text.TextSpan TextSpanOf(DocumentContext document, Range range)
    {
        var start = document.OffsetOf(range.Start);
        var end = document.OffsetOf(range.End);
        return Text.TextSpan.FromBounds(Math.Min(start, end), Math.Max(start, end));
    }

    /// <summary>The template named in the diagnostic's data, else the one around it.</summary>
    private static Binding.TemplateSymbol? TemplateOf(DocumentContext document, CoreDiagnostic diagnostic, Protocol.Diagnostic? published)
    {
        if (published?.Data is { ValueKind: JsonValueKind.Object } data
            && data.Deserialize(LspJsonContext.Default.DiagnosticData)?.Template is { } name
            && document.Compilation.Templates.FirstOrDefault(t => t.SyntaxTree == document.Tree && t.Name == name) is { } named)
        {
            return named;
        }
        return document.Compilation.GetTemplateAt(diagnostic.Location);
    }

    private WorkspaceEdit? TurnOff(string code)
    {
        if (workspace.ConfigurationPath is not { } path) return null;
        var existing = workspace.ReadText(path);
        if (ConfigurationEdits.TurnOff(existing, code) is not { } edit) return null;
        var uri = workspace.UriOf(path);
        return existing is null
            ? new WorkspaceEdit { DocumentChanges = [DocumentChange.CreateFile(uri), DocumentChange.EditFile(uri, [edit])] }
            : new WorkspaceEdit { Changes = new Dictionary<string, IReadOnlyList<TextEdit>> { [uri] = [edit] } };
    }

    private static WorkspaceEdit Edit(DocumentContext document, IEnumerable<FileEdit> edits) => new()
    {
        Changes = edits
            .Select(e => (Edit: e, Tree: document.Compilation.GetSyntaxTree(e.FilePath)))
            .Where(e => e.Tree is not null)
            .GroupBy(e => e.Tree!)
            .ToDictionary(
                g => document.UriOf(g.Key),
                g => (IReadOnlyList<TextEdit>)[.. g.Select(e => new TextEdit { Range = LspConversions.ToRange(g.Key.Text, e.Edit.Span), NewText = e.Edit.NewText })],
                StringComparer.Ordinal),
    };

    private static CodeAction Action(string title, WorkspaceEdit? edit, IReadOnlyList<Protocol.Diagnostic> diagnostics, bool preferred = false) => new()
    {
        Title = title,
        Kind = CodeActionKind.QuickFix,
        Diagnostics = diagnostics.Count > 0 ? diagnostics : null,
        Edit = edit,
        IsPreferred = preferred ? true : null,
    };
}
