using System.Collections.Immutable;

namespace VmLang.Binding;

/// <summary>Which slots a <c>say</c> block says, and whether only under an <c>if</c>.</summary>
public sealed class SaidSlots
{
    private readonly HashSet<SlotSymbol> _unconditional = [];
    private readonly HashSet<SlotSymbol> _anywhere = [];

    public SaidSlots(BoundSay? say)
    {
        if (say is not null) Walk(say.Body, conditional: false);
    }

    /// <summary>Said at least once outside every <c>if</c>: the message always carries it.</summary>
    public bool IsSaidUnconditionally(SlotSymbol slot) => _unconditional.Contains(slot);

    public bool IsSaid(SlotSymbol slot) => _anywhere.Contains(slot);

    private void Walk(ImmutableArray<BoundSayNode> nodes, bool conditional)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case BoundSlotHole { Slot: { } slot }:
                    _anywhere.Add(slot);
                    if (!conditional) _unconditional.Add(slot);
                    break;
                case BoundIf branch:
                    Walk(branch.Then, conditional: true);
                    Walk(branch.Else, conditional: true);
                    break;
            }
        }
    }
}
