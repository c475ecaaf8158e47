using System.Buffers;

namespace VmLang.Text;

/// <summary>
/// An immutable document with a line map. Offsets index the string exactly as given (a leading BOM
/// included) so the syntax tree can round-trip it; line/column positions skip the BOM because no
/// editor shows it.
/// </summary>
public sealed class SourceText
{
    private const char ByteOrderMark = '\uFEFF';
    // Built on first use: parsing and binding a clean file never asks for a line.
    private int[]? _lineStarts;

    public SourceText(string text) => Text = text;

    /// <param name="encodingProblem">Set when the text was decoded from bytes that are not UTF-8 (see <see cref="SourceDecoder"/>).</param>
    public SourceText(string text, EncodingProblem? encodingProblem)
    {
        Text = text;
        EncodingProblem = encodingProblem;
    }

    public string Text { get; }

    /// <summary>Null for text that was valid UTF-8 (or never bytes); else the first problem, reported as VML0005.</summary>
    public EncodingProblem? EncodingProblem { get; }

    public int Length => Text.Length;

    public int LineCount => LineStarts.Length;

    // A benign race: two threads may both build the map; either result is the same.
    private int[] LineStarts => _lineStarts ??= ComputeLineStarts(Text);

    public bool HasByteOrderMark => Text.Length > 0 && Text[0] == ByteOrderMark;

    public char this[int index] => Text[index];

    public string ToString(TextSpan span) => Text.Substring(span.Start, span.Length);

    public override string ToString() => Text;

    public int GetLineStart(int line) => LineStarts[line];

    /// <summary>The offset just past the line's content, before its line break.</summary>
    public int GetLineContentEnd(int line)
    {
        var end = line + 1 < LineStarts.Length ? LineStarts[line + 1] : Text.Length;
        if (end > LineStarts[line] && Text[end - 1] == '\n') end--;
        if (end > LineStarts[line] && Text[end - 1] == '\r') end--;
        return end;
    }

    public int GetLineIndex(int position)
    {
        var index = Array.BinarySearch(LineStarts, position);
        return index >= 0 ? index : ~index - 1;
    }

    /// <summary>
    /// The line and column of an offset. An offset inside a line break (between CR and LF) is the end of its
    /// line, so no position ever falls inside a CRLF; offsets outside the text are clamped into it.
    /// </summary>
    public LinePosition GetLinePosition(int position)
    {
        position = Math.Clamp(position, 0, Text.Length);
        var line = GetLineIndex(position);
        var start = LineStart(line);
        return new LinePosition(line, Math.Clamp(position, start, GetLineContentEnd(line)) - start);
    }

    public LinePositionSpan GetLinePositionSpan(TextSpan span) =>
        new(GetLinePosition(span.Start), GetLinePosition(span.End));

    /// <summary>
    /// Maps an editor position back to an offset, clamping past-the-end lines and columns into the text
    /// (LSP's rule); a column never reaches before a BOM or into a line break. The language server places
    /// a client's edits with this, so edits and positions share one line map.
    /// </summary>
    public int GetOffset(LinePosition position)
    {
        if (position.Line < 0) return LineStart(0);
        if (position.Line >= LineStarts.Length) return Text.Length;
        var start = LineStart(position.Line);
        return start + Math.Clamp(position.Character, 0, GetLineContentEnd(position.Line) - start);
    }

    /// <summary>Where column 0 of a line is: the first line's columns start after a BOM, as no editor shows it.</summary>
    private int LineStart(int line) => line == 0 && HasByteOrderMark ? 1 : LineStarts[line];

    private static int[] ComputeLineStarts(string text)
    {
        // One pass, into a pooled buffer copied out at the end, rather than passes counting first. Most
        // files have no CR: one vectorized search for it, then each line is a search for LF alone.
        var span = text.AsSpan();
        var hasCarriageReturn = span.Contains('\r');
        var starts = ArrayPool<int>.Shared.Rent(16 + span.Length / 32);
        starts[0] = 0;
        var count = 1;
        for (var i = 0; ;)
        {
            var next = hasCarriageReturn ? span[i..].IndexOfAny('\r', '\n') : span[i..].IndexOf('\n');
            if (next < 0) break;
            i += next;
            if (span[i] == '\r' && i + 1 < span.Length && span[i + 1] == '\n') i++;
            i++;
            if (count == starts.Length) starts = Grow(starts);
            starts[count++] = i;
        }
        var result = starts.AsSpan(0, count).ToArray();
        ArrayPool<int>.Shared.Return(starts);
        return result;
    }

    private static int[] Grow(int[] buffer)
    {
        var larger = ArrayPool<int>.Shared.Rent(buffer.Length * 2);
        buffer.CopyTo(larger, 0);
        ArrayPool<int>.Shared.Return(buffer);
        return larger;
    }
}
