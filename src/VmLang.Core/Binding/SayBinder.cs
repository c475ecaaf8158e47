using System.Collections.Immutable;
using VmLang.Diagnostics;
using VmLang.Syntax;

namespace VmLang.Binding;

/// <summary>
/// Turns the flat parts of a <c>say</c> text block into a tree, nesting the <c>if</c> branches. One
/// instance binds every template of a workspace in turn, reusing its lists.
/// </summary>
/// <remarks>
/// The parser keeps a text block flat, so this is where nesting begins; every later walk of the bound
/// tree (said slots, spoken length, lowering) is bounded by <see cref="MaxIfDepth"/>. Past it, one
/// VML0004 is reported at the first <c>if</c> too deep, and deeper <c>if</c>s open no branch: their
/// content stays in the innermost branch, and their <c>else</c>/<c>end</c> are matched by count.
/// </remarks>
internal sealed class SayBinder(Binder binder)
{
    /// <summary>The deepest nesting of <c>if</c>s bound as branches (spec §7: at least 1,000).</summary>
    public const int MaxIfDepth = 1000;

    /// <summary>An <c>if</c> whose <c>end</c> is still to come: where its branches start in <see cref="_pending"/>.</summary>
    private readonly record struct OpenIf(IfHoleSyntax Syntax, SlotSymbol? Condition, int ThenStart, int ElseStart);

    // Nodes of every open branch, innermost last: a branch is a run at the end, cut out when its `end` comes.
    private readonly List<BoundSayNode> _pending = [];
    private readonly List<OpenIf> _open = [];
    private TemplateSymbol _template = null!;

    // Ifs past MaxIfDepth that are still open: they hold no branch, only a count to match their `end`s.
    private int _tooDeep;

    public BoundSay Bind(TemplateSymbol template, SayMemberSyntax say)
    {
        _template = template;
        _pending.Clear();
        _open.Clear();
        _tooDeep = 0;
        foreach (var part in say.TextBlock.Parts)
        {
            switch (part)
            {
                case TextSyntax text:
                    _pending.Add(new BoundText(text, say.TextBlock));
                    break;
                case ExpressionHoleSyntax hole:
                    _pending.Add(BindExpressionHole(hole));
                    break;
                case IfHoleSyntax ifHole:
                    var (condition, _) = BindPath(ifHole.Condition);
                    if (_open.Count < MaxIfDepth) _open.Add(new OpenIf(ifHole, condition, _pending.Count, -1));
                    else if (_tooDeep++ == 0) ReportTooDeep(ifHole);
                    break;
                case ElseHoleSyntax when _tooDeep > 0:
                    break;
                case EndHoleSyntax when _tooDeep > 0:
                    _tooDeep--;
                    break;
                case ElseHoleSyntax elseHole:
                    if (_open.Count == 0) Report(elseHole, "'else' without 'if'");
                    else if (_open[^1].ElseStart >= 0) Report(elseHole, "a second 'else' for the same 'if'");
                    else _open[^1] = _open[^1] with { ElseStart = _pending.Count };
                    break;
                case EndHoleSyntax endHole:
                    if (_open.Count == 0) Report(endHole, "'end' without 'if'");
                    else _pending.Add(Close(PopOpen()));
                    break;
            }
        }
        while (_open.Count > 0)
        {
            // An `if` that never ends is reported once; its content counts as said, so the missing
            // `end` does not also make every slot after it "said only inside an if". Its nodes simply stay.
            Report(PopOpen().Syntax, "'if' without 'end'");
        }
        return new BoundSay(say, [.. _pending]);
    }

    private OpenIf PopOpen()
    {
        var open = _open[^1];
        _open.RemoveAt(_open.Count - 1);
        return open;
    }

    private BoundIf Close(OpenIf open)
    {
        var elseStart = open.ElseStart >= 0 ? open.ElseStart : _pending.Count;
        var then = Slice(open.ThenStart, elseStart);
        var otherwise = Slice(elseStart, _pending.Count);
        _pending.RemoveRange(open.ThenStart, _pending.Count - open.ThenStart);
        return new BoundIf(open.Syntax, open.Condition, then, otherwise);
    }

    private ImmutableArray<BoundSayNode> Slice(int start, int end) =>
        start == end ? ImmutableArray<BoundSayNode>.Empty : [.. System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_pending)[start..end]];

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
        binder.Report(DiagnosticDescriptors.UnknownFilterOrMember.Create(_template.SyntaxTree.GetLocation(filter.Name), kind: "filter", name: filter.Name.Text, expected: ValueFilters.NameList));
        return filters;
    }

    /// <summary>A slot and its <c>.first</c>/<c>.last</c> members, which act as the filters of the same name.</summary>
    private (SlotSymbol? Slot, ImmutableArray<ValueFilter> Members) BindPath(PathSyntax path)
    {
        SlotSymbol? slot = null;
        if (!path.Slot.IsMissing)
        {
            slot = _template.FindSlot(path.Slot.Text);
            if (slot is null) binder.Report(DiagnosticDescriptors.UndeclaredSlot.Create(_template.SyntaxTree.GetLocation(path.Slot), templateName: _template.Name, slotName: path.Slot.Text));
            else binder.Reference(slot, _template.SyntaxTree, path.Slot);
        }
        var members = ImmutableArray<ValueFilter>.Empty;
        foreach (var member in path.Members)
        {
            if (member.Name.IsMissing) continue;
            if (member.Name.Text is "first" or "last") members = members.Add(member.Name.Text == "first" ? ValueFilter.First : ValueFilter.Last);
            else binder.Report(DiagnosticDescriptors.UnknownFilterOrMember.Create(_template.SyntaxTree.GetLocation(member.Name), kind: "member", name: member.Name.Text, expected: "'first' or 'last'"));
        }
        return (slot, members);
    }

    private void ReportTooDeep(IfHoleSyntax ifHole) =>
        binder.Report(DiagnosticDescriptors.NestedTooDeeply.Create(_template.SyntaxTree.GetLocation(ifHole), $"more than {MaxIfDepth} levels of 'if'"));

    private void Report(HoleSyntax hole, string message) =>
        binder.Report(DiagnosticDescriptors.UnbalancedIf.Create(_template.SyntaxTree.GetLocation(hole), message));
}
