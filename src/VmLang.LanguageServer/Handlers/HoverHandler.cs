using System.Text;
using VmLang.Binding;
using VmLang.Diagnostics;
using VmLang.LanguageServer.Protocol;
using VmLang.LanguageServer.Workspace;
using VmLang.Syntax;
using VmLang.Text;

namespace VmLang.LanguageServer.Handlers;

/// <summary>
/// <c>textDocument/hover</c>: what the name under the caret is (a slot's role and whether it must be
/// said, a template's channel and spoken length, a ruleset's rules), what a role or filter does, and
/// the documentation of any diagnostic under the caret.
/// </summary>
internal sealed class HoverHandler(ServerWorkspace workspace)
{
    public void Register(LanguageServerConnection connection) =>
        connection.OnDocumentRequest<TextDocumentPositionParams, Hover>(workspace, LspMethods.TextDocumentHover, Hover);

    private Hover? Hover(TextDocumentPositionParams request, DocumentContext document, CancellationToken cancellationToken)
    {
        var offset = document.OffsetOf(request.Position);
        var sections = new List<string>();
        TextSpan? span = null;

        if (document.Model.GetOccurrenceAt(offset) is { } occurrence)
        {
            sections.Add(DescribeSymbol(occurrence.Symbol, document.Compilation));
            span = occurrence.Span;
        }
        else if (DescribeToken(document.Tree.Root.FindToken(offset), offset) is ({ } text, var tokenSpan))
        {
            sections.Add(text);
            span = tokenSpan;
        }

        cancellationToken.ThrowIfCancellationRequested();
        foreach (var diagnostic in document.Model.GetDiagnostics().Where(d => d.Location.Span.Touches(offset)))
        {
            sections.Add(DescribeDiagnostic(diagnostic));
            span ??= diagnostic.Location.Span;
        }

        if (sections.Count == 0) return null;
        return new Hover
        {
            Contents = new MarkupContent { Kind = MarkupKind.Markdown, Value = string.Join("\n\n---\n\n", sections) },
            Range = span is { } s ? document.RangeOf(s) : null,
        };
    }

    private static string DescribeSymbol(Symbol symbol, Compilation compilation) => symbol switch
    {
        SlotSymbol slot => DescribeSlot(slot),
        TemplateSymbol template => $"```vml\ntemplate {template.Name} for {template.Channel.ToString().ToLowerInvariant()}\n```\n\n"
            + $"{LanguageDescriptions.SpokenLength(template, compilation.Configuration)}; {template.Slots.Length} slot(s).",
        RulesetSymbol ruleset => DescribeRuleset(ruleset),
        SequenceSymbol sequence => $"```vml\nsequence {sequence.Name}\n```\n\n"
            + string.Join("\n", sequence.Steps.Select(s => $"- day {s.Day}: `{s.Template?.Name ?? s.Syntax.Template.Text}`")),
        _ => symbol.ToString(),
    };

    private static string DescribeSlot(SlotSymbol slot)
    {
        var text = new StringBuilder($"```vml\nslot {slot.Name} : {slot.Syntax.Role.Text}");
        if (slot.IsOptional) text.Append(" optional");
        if (slot.DefaultValue is { } value) text.Append($" = \"{value}\"");
        text.Append("\n```\n\n");
        if (slot.Role is { } role)
        {
            var channel = slot.Template.Channel.ToString().ToLowerInvariant();
            text.Append($"{LanguageDescriptions.Role(role)}\n\n");
            text.Append(role.IsRequiredIn(slot.Template.Channel)
                ? $"This {channel} template must say it outside any `if`."
                : slot.IsOptional ? "Optional: prospects without a value are fine." : $"Not required in a {channel} template.");
        }
        else
        {
            text.Append($"Unknown role `{slot.Syntax.Role.Text}`.");
        }
        if (slot.DefaultValue is not null) text.Append(" Has a default, so it never needs data.");
        return text.ToString();
    }

    private static string DescribeRuleset(RulesetSymbol ruleset)
    {
        var text = new StringBuilder($"```vml\nruleset {ruleset.Name}\n```\n\n");
        foreach (var rule in ruleset.Rules)
        {
            var what = rule.Replacement is { } replacement ? $"prefer \"{rule.Phrase}\" → \"{replacement}\"" : $"forbid \"{rule.Phrase}\"";
            text.Append($"- {what} ({rule.Severity.ToText()}): {rule.Reason}\n");
        }
        if (ruleset.Rules.IsEmpty) text.Append("No rules.");
        return text.ToString().TrimEnd();
    }

    /// <summary>Names that are not symbols: a slot's role, a filter, a <c>.first</c>/<c>.last</c> member.</summary>
    private static (string? Text, TextSpan Span) DescribeToken(SyntaxToken? found, int offset)
    {
        if (found is not { Kind: SyntaxKind.IdentifierToken } token || !token.Span.Touches(offset)) return (null, default);
        return token.Parent switch
        {
            SlotMemberSyntax slot when slot.Role == token && Role.Find(token.Text) is { } role => (LanguageDescriptions.Role(role), token.Span),
            FilterSyntax when LanguageDescriptions.Filter(token.Text) is { } filter => ($"filter `{token.Text}`: {filter}.", token.Span),
            MemberAccessSyntax when LanguageDescriptions.Filter(token.Text) is { } member && token.Text is "first" or "last" => ($"member `.{token.Text}`: {member}.", token.Span),
            _ => (null, default),
        };
    }

    private static string DescribeDiagnostic(VmLang.Diagnostics.Diagnostic diagnostic)
    {
        var text = new StringBuilder($"**{diagnostic.Code}** ({diagnostic.Severity.ToText()}): {diagnostic.Message}");
        if (DiagnosticDocs.Find(diagnostic.Code) is { } doc)
        {
            text.Append($"\n\n**{doc.Title}.** {doc.Why}");
        }
        return text.ToString();
    }
}
