using System.Text;
using Scriban.Runtime;

namespace VmLang.Emit;

/// <summary>
/// The output buffer of one renderer, bounded per row. Scriban's own <c>OutputLimit</c> counts from the
/// start of a top-level <c>Template.Render</c>; a renderer evaluates its program in one context for every
/// row, so that count would run on across rows and cut every script short after the first 16M characters
/// of a run. Here the bound starts again with each row (<see cref="Clear"/>).
/// </summary>
internal sealed class RowOutput(int limit) : IScriptOutput
{
    public StringBuilder Builder { get; } = new();

    /// <summary>Starts the next row's script.</summary>
    public void Clear() => Builder.Clear();

    public void Write(string text, int offset, int count)
    {
        // A lowered program has no loops: only a hostile template or data row gets here. Like Scriban's
        // default, the script is cut at the limit rather than the run failing.
        var room = limit - Builder.Length;
        Builder.Append(text, offset, Math.Min(count, Math.Max(room, 0)));
    }

    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        Write(text, offset, count);
        return ValueTask.CompletedTask;
    }
}
