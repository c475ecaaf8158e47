using System.Collections.Immutable;
using VmLang.Syntax;

namespace VmLang.Binding;

/// <summary>
/// The <c>say</c> block as a tree: literal text, holes, and <c>if</c>/<c>else</c>/<c>end</c> nested
/// into branches. Rules, the length estimate and the emitter all walk this rather than the flat syntax.
/// </summary>
public sealed record BoundSay(SayMemberSyntax Syntax, ImmutableArray<BoundSayNode> Body)
{
    private SayText? _text;
    private SaidSlots? _saidSlots;

    /// <summary>The literal text and its sentences; several rules read it, so it is computed once.</summary>
    public SayText Text => _text ??= SayText.From(Syntax.TextBlock);

    public SaidSlots SaidSlots => _saidSlots ??= new SaidSlots(this);
}

public abstract record BoundSayNode;

/// <summary>Literal text of a <c>say</c> block; <paramref name="Block"/> is the text block it is part of.</summary>
public sealed record BoundText(TextSyntax Syntax, TextBlockSyntax Block) : BoundSayNode
{
    /// <summary>
    /// The text with the block's indentation removed. Made when asked for (by the emitter), not
    /// while binding: checking reads the source spans, and most binds are never rendered.
    /// </summary>
    public string Value => Block.GetLiteralValue(Syntax);
}

public enum ValueFilter
{
    First,
    Last,
    Upper,
    Lower,
    Spoken,
}

/// <summary><c>{{ slot.member | filter }}</c>; <see cref="Slot"/> is null when the slot is undeclared (VML0103).</summary>
public sealed record BoundSlotHole(ExpressionHoleSyntax Syntax, SlotSymbol? Slot, ImmutableArray<ValueFilter> Filters) : BoundSayNode
{
    /// <summary>True when a member or filter keeps one word of the value.</summary>
    public bool IsSingleWord => Filters.Any(f => f is ValueFilter.First or ValueFilter.Last);
}

/// <summary><c>{{ "literal" | filter }}</c>.</summary>
public sealed record BoundStringHole(ExpressionHoleSyntax Syntax, string Value, ImmutableArray<ValueFilter> Filters) : BoundSayNode;

/// <summary><c>{{ if slot }}…{{ else }}…{{ end }}</c>.</summary>
public sealed record BoundIf(
    IfHoleSyntax Syntax,
    SlotSymbol? Condition,
    ImmutableArray<BoundSayNode> Then,
    ImmutableArray<BoundSayNode> Else) : BoundSayNode;
