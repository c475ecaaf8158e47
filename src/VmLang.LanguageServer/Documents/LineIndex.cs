using VmLang.LanguageServer.Protocol;

namespace VmLang.LanguageServer.Documents;

/// <summary>
/// Maps between character offsets in a text and LSP positions (line, UTF-16 column). C# strings are
/// UTF-16, so a column counts <see cref="char"/>s. Lines end at <c>\n</c>, <c>\r\n</c> or <c>\r</c>,
/// the three line breaks LSP defines.
/// </summary>
/// <remarks>
/// Positions outside the text are clamped as LSP asks: a column past the end of its line means the
/// line's end, and a line past the last means the end of the text. A line's end is before its line
/// break, so no position ever falls between the <c>\r</c> and <c>\n</c> of a CRLF.
/// </remarks>
internal sealed class LineIndex
{
    private readonly int[] lineStarts;

    // Where each line's content ends, i.e. where its line break starts.
    private readonly int[] lineEnds;
    private readonly int length;

    public LineIndex(string text)
    {
        var starts = new List<int> { 0 };
        var ends = new List<int>();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is not ('\r' or '\n'))
            {
                continue;
            }

            ends.Add(i);
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            starts.Add(i + 1);
        }

        ends.Add(text.Length);
        lineStarts = [.. starts];
        lineEnds = [.. ends];
        length = text.Length;
    }

    public int LineCount => lineStarts.Length;

    /// <summary>The offset of <paramref name="position"/>, clamped into the text.</summary>
    public int GetOffset(Position position)
    {
        if (position.Line < 0)
        {
            return 0;
        }

        if (position.Line >= lineStarts.Length)
        {
            return length;
        }

        int start = lineStarts[position.Line];
        return start + Math.Clamp(position.Character, 0, lineEnds[position.Line] - start);
    }

    /// <summary>The position of <paramref name="offset"/>; an offset inside a line break maps to the end of that line.</summary>
    public Position GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, length);
        int line = Array.BinarySearch(lineStarts, offset);
        if (line < 0)
        {
            // Not a line start: ~line is the next line, so the offset is on the one before.
            line = ~line - 1;
        }

        return new Position(line, Math.Min(offset, lineEnds[line]) - lineStarts[line]);
    }

    public Range GetRange(int start, int end) => new(GetPosition(start), GetPosition(end));
}
