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

    /// <summary>Iterative, with its own stack: a bound tree may be <see cref="SayBinder.MaxIfDepth"/> deep.</summary>
    private void Walk(ImmutableArray<BoundSayNode> body, bool conditional)
    {
        var pending = new Stack<(ImmutableArray<BoundSayNode> Nodes, bool Conditional)>();
        pending.Push((body, conditional));
        while (pending.TryPop(out var branch))
        {
            foreach (var node in branch.Nodes)
            {
                switch (node)
                {
                    case BoundSlotHole { Slot: { } slot }:
                        _anywhere.Add(slot);
                        if (!branch.Conditional) _unconditional.Add(slot);
                        break;
                    case BoundIf nested:
                        pending.Push((nested.Then, true));
                        pending.Push((nested.Else, true));
                        break;
                }
            }
        }
    }
}
