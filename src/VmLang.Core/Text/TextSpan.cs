namespace VmLang.Text;

/// <summary>A half-open range [Start, End) of UTF-16 offsets into a source text.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    public bool Contains(int position) => position >= Start && position < End;

    /// <summary>Like <see cref="Contains"/> but also true at the end, where an editor caret after a word still "touches" it.</summary>
    public bool Touches(int position) => position >= Start && position <= End;

    public bool OverlapsWith(TextSpan other) => Start < other.End && other.Start < End;

    public override string ToString() => $"[{Start}..{End})";
}

/// <summary>A zero-based line and UTF-16 column, as editors and LSP count them.</summary>
public readonly record struct LinePosition(int Line, int Character) : IComparable<LinePosition>
{
    public int CompareTo(LinePosition other) =>
        Line != other.Line ? Line.CompareTo(other.Line) : Character.CompareTo(other.Character);
}

public readonly record struct LinePositionSpan(LinePosition Start, LinePosition End);
