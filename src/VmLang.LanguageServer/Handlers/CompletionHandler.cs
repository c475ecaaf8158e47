using System.Text.RegularExpressions;
using VmLang.Binding;
using VmLang.Diagnostics;
using VmLang.LanguageServer.Protocol;
using VmLang.LanguageServer.Workspace;
using VmLang.Syntax;
using VmLang.Text;

namespace VmLang.LanguageServer.Handlers;

/// <summary>
/// <c>textDocument/completion</c>. What fits at the caret is read from the text of its line, which
/// works while the line is still half-typed and the tree has errors there; the tree says which
/// declaration (and which text block) the caret is in, and the binder what names exist.
/// </summary>
internal sealed partial class CompletionHandler(ServerWorkspace workspace)
{
    public static readonly IReadOnlyList<string> TriggerCharacters = ["{", "|", ".", ":", " "];

    public void Register(LanguageServerConnection connection) =>
        connection.OnDocumentRequest<CompletionParams, CompletionList>(workspace, LspMethods.TextDocumentCompletion, Complete);

    private CompletionList? Complete(CompletionParams request, DocumentContext document, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var offset = document.OffsetOf(request.Position);
        var text = document.Text;
        var lineStart = text.GetLineStart(text.GetLineIndex(offset));
        var linePrefix = text.ToString(TextSpan.FromBounds(lineStart, offset));
        var items = IsInTextBlock(document.Tree, offset)
            ? InHole(document, offset, linePrefix)
            : InDeclarations(document, offset, linePrefix);
        return new CompletionList { Items = [.. items] };
    }

    private static IEnumerable<CompletionItem> InHole(DocumentContext document, int offset, string linePrefix)
    {
        var open = linePrefix.LastIndexOf("{{", StringComparison.Ordinal);
        if (open < 0 || linePrefix.IndexOf("}}", open, StringComparison.Ordinal) >= 0) return [];
        var hole = linePrefix[(open + 2)..];
        if (AfterPipe().IsMatch(hole))
        {
            return ValueFilters.All.Select(f => Item(f.Name, CompletionItemKind.Function, f.Description));
        }
        if (AfterDot().IsMatch(hole))
        {
            return LanguageDescriptions.Members.Select(m => Item(m.Name, CompletionItemKind.Property, m.Description));
        }
        if (!HoleStart().IsMatch(hole)) return [];
        var slots = (document.Model.GetEnclosingTemplate(offset)?.Slots ?? []).Select(s =>
            Item(s.Name, CompletionItemKind.Variable, $"slot : {s.Syntax.Role.Text}{(s.IsOptional ? " optional" : "")}"));
        return hole.TrimStart().StartsWith("if ", StringComparison.Ordinal)
            ? slots
            : slots.Concat(new[] { "if", "else", "end" }.Select(k => Item(k, CompletionItemKind.Keyword, null)));
    }

    private static IEnumerable<CompletionItem> InDeclarations(DocumentContext document, int offset, string linePrefix)
    {
        var compilation = document.Compilation;
        if (SlotRole().IsMatch(linePrefix))
        {
            return Role.All.Select(r => Item(r.Name, CompletionItemKind.EnumMember, r.Description));
        }
        if (UseRuleset().IsMatch(linePrefix))
        {
            return compilation.Rulesets.Select(r => Item(r.Name, CompletionItemKind.Module, $"ruleset ({r.Rules.Length} rules)")).DistinctBy(i => i.Label);
        }
        if (DayTemplate().IsMatch(linePrefix))
        {
            return compilation.Templates.Select(t => Item(t.Name, CompletionItemKind.Class, $"template for {t.Channel.ToString().ToLowerInvariant()}")).DistinctBy(i => i.Label);
        }
        if (AllowCode().IsMatch(linePrefix))
        {
            return DiagnosticDescriptors.All.Select(d => Item(d.Code, CompletionItemKind.Value, $"{d.Title} ({d.DefaultSeverity.ToText()})"));
        }
        if (TemplateChannel().IsMatch(linePrefix))
        {
            return Keywords(["voicemail", "gatekeeper"]);
        }
        if (SeverityAfterAs().IsMatch(linePrefix))
        {
            return Keywords(["error", "warning", "info"]);
        }
        if (!StatementStart().IsMatch(linePrefix)) return [];
        return EnclosingDeclaration(document.Tree, offset) switch
        {
            TemplateDeclarationSyntax => Keywords(["use", "max", "allow", "slot", "say"]),
            RulesetDeclarationSyntax => Keywords(["forbid", "prefer"]),
            SequenceDeclarationSyntax => Keywords(["day"]),
            _ => Keywords(["template", "ruleset", "sequence"]),
        };
    }

    /// <summary>The declaration whose braces hold the offset; a declaration with no closing brace yet holds everything after its opening one.</summary>
    private static DeclarationSyntax? EnclosingDeclaration(SyntaxTree tree, int offset) =>
        tree.Root.Declarations.FirstOrDefault(d => !d.OpenBrace.IsMissing && offset >= d.OpenBrace.Span.End
            && (d.CloseBrace.IsMissing ? offset <= d.FullSpan.End : offset <= d.CloseBrace.Span.Start));

    private static bool IsInTextBlock(SyntaxTree tree, int offset) =>
        tree.Root.DescendantNodes().OfType<TextBlockSyntax>().Any(block => !block.Start.IsMissing
            && offset >= block.Start.FullSpan.End
            && (block.End.IsMissing ? offset <= block.FullSpan.End : offset <= block.End.Span.Start));

    private static IEnumerable<CompletionItem> Keywords(IEnumerable<string> keywords) =>
        keywords.Select(k => Item(k, CompletionItemKind.Keyword, null));

    private static CompletionItem Item(string label, CompletionItemKind kind, string? detail) =>
        new() { Label = label, Kind = kind, Detail = detail };

    [GeneratedRegex(@"\|\s*\w*$")]
    private static partial Regex AfterPipe();

    [GeneratedRegex(@"\w\s*\.\s*\w*$")]
    private static partial Regex AfterDot();

    [GeneratedRegex(@"^\s*(if\s+)?\w*$")]
    private static partial Regex HoleStart();

    [GeneratedRegex(@"^\s*slot\s+\w+\s*:\s*\w*$")]
    private static partial Regex SlotRole();

    [GeneratedRegex(@"^\s*use\s+\w*$")]
    private static partial Regex UseRuleset();

    [GeneratedRegex(@"^\s*day\s+\d+\s+\w*$")]
    private static partial Regex DayTemplate();

    [GeneratedRegex(@"^\s*allow\s+\w*$")]
    private static partial Regex AllowCode();

    [GeneratedRegex(@"^\s*template\s+\w+\s+for\s+\w*$")]
    private static partial Regex TemplateChannel();

    [GeneratedRegex(@"\sas\s+\w*$")]
    private static partial Regex SeverityAfterAs();

    [GeneratedRegex(@"^\s*\w*$")]
    private static partial Regex StatementStart();
}
