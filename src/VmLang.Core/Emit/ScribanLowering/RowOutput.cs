using System.Runtime.InteropServices;
using System.Text;
using Scriban.Runtime;

namespace VmLang.Emit;

/// <summary>
/// The output buffer of one renderer, bounded per row. Scriban's own <c>OutputLimit</c> counts from the
/// start of a top-level <c>Template.Render</c>; a renderer evaluates its program in one context for every
/// row, so that count would run on across rows and cut every script short after the first 16M characters
/// of a run. Here the bound starts again with each row (<see cref="Clear"/>).
/// </summary>
/// <remarks>
/// It also notes where each literal text of the program landed in the script (a write from the
/// lowering's literal pool, <see cref="LoweredSay"/>), for checks that know the literal texts already.
/// </remarks>
internal sealed class RowOutput(int limit, string literalPool, int[] literalAt) : IScriptOutput
{
    private readonly List<LiteralWrite> _literals = [];

    public StringBuilder Builder { get; } = new();

    /// <summary>Where this row's literal texts start in the script, in order; whole texts only.</summary>
    public ReadOnlySpan<LiteralWrite> Literals => CollectionsMarshal.AsSpan(_literals);

    /// <summary>Whether the limit cut this row's script short.</summary>
    public bool IsCut { get; private set; }

    /// <summary>Starts the next row's script.</summary>
    public void Clear()
    {
        Builder.Clear();
        _literals.Clear();
        IsCut = false;
    }

    public void Write(string text, int offset, int count)
    {
        // A lowered program has no loops: only a hostile template or data row gets here. Like Scriban's
        // default, the script is cut at the limit rather than the run failing.
        var room = limit - Builder.Length;
        if (count > room) IsCut = true;
        else if (ReferenceEquals(text, literalPool) && literalAt[offset] is var literal and >= 0) _literals.Add(new LiteralWrite(Builder.Length, literal, count));
        Builder.Append(text, offset, Math.Min(count, Math.Max(room, 0)));
    }

    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        Write(text, offset, count);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Literal text <see cref="Literal"/> of a lowered program (its index in <see cref="LoweredSay.Literals"/>), written at <see cref="At"/>.</summary>
internal readonly record struct LiteralWrite(int At, int Literal, int Length);
