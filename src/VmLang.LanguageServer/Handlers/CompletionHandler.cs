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
            ? Spaced(InHole(document, offset, linePrefix), linePrefix, text.ToString(TextSpan.FromBounds(offset, text.GetLineContentEnd(text.GetLineIndex(offset)))), request.Position)
            : InDeclarations(document, offset, linePrefix);
        return new CompletionList { Items = Ranked(items) };
    }

    /// <summary>
    /// The template's slots first, then filters and members, then keywords and the rest, each group
    /// in the order it was listed; the first slot is preselected, so a bare <c>{{ </c> offers a slot
    /// rather than whatever keyword sorts first alphabetically.
    /// </summary>
    private static CompletionItem[] Ranked(IEnumerable<CompletionItem> items)
    {
        var ordered = items.Select((item, index) => (item, index)).OrderBy(x => Rank(x.item.Kind)).ThenBy(x => x.index).Select(x => x.item).ToList();
        var preselected = ordered.FindIndex(i => i.Kind == CompletionItemKind.Variable);
        return [.. ordered.Select((item, index) => item with
        {
            SortText = index.ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
            Preselect = index == preselected ? true : null,
        })];
    }

    private static int Rank(CompletionItemKind? kind) => kind switch
    {
        CompletionItemKind.Variable => 0,
        CompletionItemKind.Function or CompletionItemKind.Property => 1,
        CompletionItemKind.Keyword => 3,
        _ => 2,
    };

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

    /// <summary>
    /// A name completed right after <c>{{</c> (the editor auto-closes <c>{{</c> with the caret against
    /// it) is inserted with the spaces the formatter writes, so accepting it gives <c>{{ rep }}</c>.
    /// </summary>
    private static IEnumerable<CompletionItem> Spaced(IEnumerable<CompletionItem> items, string linePrefix, string lineSuffix, Position caret)
    {
        var open = linePrefix.LastIndexOf("{{", StringComparison.Ordinal);
        if (open < 0) return items;
        var typed = linePrefix[(open + 2)..];
        if (typed.Length > 0 && !WordOnly().IsMatch(typed)) return items;
        var after = lineSuffix.StartsWith("}}", StringComparison.Ordinal) ? " " : "";
        var range = new Range(caret with { Character = caret.Character - typed.Length }, caret);
        return items.Select(item => item with { FilterText = item.Label, TextEdit = new TextEdit { Range = range, NewText = " " + item.Label + after } });
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
            // Syntax and file errors cannot be allowed (spec §7), so they are not offered.
            return DiagnosticDescriptors.All.Where(d => !DiagnosticDescriptors.CannotBeAllowed(d.Code)).Select(d => Item(d.Code, CompletionItemKind.Value, $"{d.Title} ({d.DefaultSeverity.ToText()})"));
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

    [GeneratedRegex(@"^\w+$", RegexOptions.NonBacktracking)]
    private static partial Regex WordOnly();

    [GeneratedRegex(@"\|\s*\w*$", RegexOptions.NonBacktracking)]
    private static partial Regex AfterPipe();

    [GeneratedRegex(@"\w\s*\.\s*\w*$", RegexOptions.NonBacktracking)]
    private static partial Regex AfterDot();

    [GeneratedRegex(@"^\s*(?:if\s+)?\w*$", RegexOptions.NonBacktracking)]
    private static partial Regex HoleStart();

    [GeneratedRegex(@"^\s*slot\s+\w+\s*:\s*\w*$", RegexOptions.NonBacktracking)]
    private static partial Regex SlotRole();

    [GeneratedRegex(@"^\s*use\s+\w*$", RegexOptions.NonBacktracking)]
    private static partial Regex UseRuleset();

    [GeneratedRegex(@"^\s*day\s+\d+\s+\w*$", RegexOptions.NonBacktracking)]
    private static partial Regex DayTemplate();

    [GeneratedRegex(@"^\s*allow\s+\w*$", RegexOptions.NonBacktracking)]
    private static partial Regex AllowCode();

    [GeneratedRegex(@"^\s*template\s+\w+\s+for\s+\w*$", RegexOptions.NonBacktracking)]
    private static partial Regex TemplateChannel();

    [GeneratedRegex(@"\sas\s+\w*$", RegexOptions.NonBacktracking)]
    private static partial Regex SeverityAfterAs();

    [GeneratedRegex(@"^\s*\w*$", RegexOptions.NonBacktracking)]
    private static partial Regex StatementStart();
}
