using System.Collections.Immutable;
using VmLang.Diagnostics;
using VmLang.Syntax;

namespace VmLang.Binding;

/// <summary>Turns the flat parts of a <c>say</c> text block into a tree, nesting the <c>if</c> branches.</summary>
internal sealed class SayBinder(TemplateSymbol template, Binder binder)
{
    private sealed class OpenIf(IfHoleSyntax syntax, SlotSymbol? condition)
    {
        public IfHoleSyntax Syntax { get; } = syntax;
        public ImmutableArray<BoundSayNode>.Builder Then { get; } = ImmutableArray.CreateBuilder<BoundSayNode>();
        public ImmutableArray<BoundSayNode>.Builder? Else { get; set; }
        public ImmutableArray<BoundSayNode>.Builder Current => Else ?? Then;
        public BoundIf Close() => new(Syntax, condition, Then.ToImmutable(), Else?.ToImmutable() ?? ImmutableArray<BoundSayNode>.Empty);
    }

    public BoundSay Bind(SayMemberSyntax say)
    {
        var body = ListBuilder<BoundSayNode>.Rent();
        // Most blocks have no `if`: the stack is made for the first one.
        List<OpenIf>? open = null;
        foreach (var part in say.TextBlock.Parts)
        {
            var current = open is { Count: > 0 } ? open[^1].Current : body;
            switch (part)
            {
                case TextSyntax text:
                    current.Add(new BoundText(text));
                    break;
                case ExpressionHoleSyntax hole:
                    current.Add(BindExpressionHole(hole));
                    break;
                case IfHoleSyntax ifHole:
                    var (condition, _) = BindPath(ifHole.Condition);
                    (open ??= []).Add(new OpenIf(ifHole, condition));
                    break;
                case ElseHoleSyntax elseHole:
                    if (open is not { Count: > 0 }) Report(elseHole, "'else' without 'if'");
                    else if (open[^1].Else is not null) Report(elseHole, "a second 'else' for the same 'if'");
                    else open[^1].Else = ImmutableArray.CreateBuilder<BoundSayNode>();
                    break;
                case EndHoleSyntax endHole:
                    if (open is not { Count: > 0 })
                    {
                        Report(endHole, "'end' without 'if'");
                        break;
                    }
                    var closed = open[^1].Close();
                    open.RemoveAt(open.Count - 1);
                    (open.Count > 0 ? open[^1].Current : body).Add(closed);
                    break;
            }
        }
        while (open is { Count: > 0 })
        {
            // An `if` that never ends is reported once; its content counts as said, so the missing
            // `end` does not also make every slot after it "said only inside an if".
            var unclosed = open[^1];
            open.RemoveAt(open.Count - 1);
            Report(unclosed.Syntax, "'if' without 'end'");
            var current = open.Count > 0 ? open[^1].Current : body;
            current.AddRange(unclosed.Then);
            if (unclosed.Else is { } elseBranch) current.AddRange(elseBranch);
        }
        return new BoundSay(say, ListBuilder<BoundSayNode>.ToImmutableAndReturn(body));
    }

    private BoundSayNode BindExpressionHole(ExpressionHoleSyntax hole)
    {
        var filters = ImmutableArray<ValueFilter>.Empty;
        SlotSymbol? slot = null;
        if (hole.Expression.Primary is PathSyntax path)
        {
            (slot, filters) = BindPath(path);
        }
        foreach (var filter in hole.Expression.Filters) filters = BindFilter(filter, filters);
        return hole.Expression.Primary is StringExpressionSyntax literal
            ? new BoundStringHole(hole, literal.Literal.ValueText, filters)
            : new BoundSlotHole(hole, slot, filters);
    }

    private ImmutableArray<ValueFilter> BindFilter(FilterSyntax filter, ImmutableArray<ValueFilter> filters)
    {
        if (filter.Name.IsMissing) return filters;
        if (ValueFilters.TryParse(filter.Name.Text, out var value)) return filters.Add(value);
        binder.Report(DiagnosticDescriptors.UnknownFilterOrMember, template.SyntaxTree, filter.Name, "filter", filter.Name.Text, ValueFilters.NameList);
        return filters;
    }

    /// <summary>A slot and its <c>.first</c>/<c>.last</c> members, which act as the filters of the same name.</summary>
    private (SlotSymbol? Slot, ImmutableArray<ValueFilter> Members) BindPath(PathSyntax path)
    {
        SlotSymbol? slot = null;
        if (!path.Slot.IsMissing)
        {
            slot = template.FindSlot(path.Slot.Text);
            if (slot is null) binder.Report(DiagnosticDescriptors.UndeclaredSlot, template.SyntaxTree, path.Slot, path.Slot.Text, template.Name);
            else binder.Reference(slot, template.SyntaxTree, path.Slot);
        }
        var members = ImmutableArray<ValueFilter>.Empty;
        foreach (var member in path.Members)
        {
            if (member.Name.IsMissing) continue;
            if (member.Name.Text is "first" or "last") members = members.Add(member.Name.Text == "first" ? ValueFilter.First : ValueFilter.Last);
            else binder.Report(DiagnosticDescriptors.UnknownFilterOrMember, template.SyntaxTree, member.Name, "member", member.Name.Text, "'first' or 'last'");
        }
        return (slot, members);
    }

    private void Report(HoleSyntax hole, string message) =>
        binder.Report(DiagnosticDescriptors.UnbalancedIf, template.SyntaxTree, hole, message);
}
