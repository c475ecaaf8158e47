using VmLang.LanguageServer.Documents;
using VmLang.LanguageServer.Protocol;
using Range = VmLang.LanguageServer.Protocol.Range;

namespace VmLang.Tests.LanguageServer.Documents;

public sealed class LineIndexTests
{
    [Theory]
    [InlineData("ab\ncd", 2)]
    [InlineData("ab\r\ncd", 2)]
    [InlineData("ab\rcd", 2)]
    [InlineData("ab\n", 2)]
    [InlineData("", 1)]
    [InlineData("\r\n\r\n", 3)]
    [InlineData("\n\r", 3)]
    public void LineCount_FollowsLspLineBreaks(string text, int lines)
    {
        Assert.Equal(lines, new LineIndex(text).LineCount);
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(0, 2, 2)]
    [InlineData(1, 0, 4)]
    [InlineData(1, 1, 5)]
    [InlineData(2, 0, 7)]
    [InlineData(2, 3, 10)]
    public void GetOffset_MapsPositionsAcrossCrlfAndLf(int line, int character, int offset)
    {
        var index = new LineIndex("ab\r\ncd\nefg");

        Assert.Equal(offset, index.GetOffset(new Position(line, character)));
        Assert.Equal(new Position(line, character), index.GetPosition(offset));
    }

    [Theory]
    [InlineData(0, 99, 2)]
    [InlineData(1, 3, 6)]
    [InlineData(5, 0, 10)]
    [InlineData(99, 99, 10)]
    [InlineData(-1, 0, 0)]
    [InlineData(0, -1, 0)]
    public void GetOffset_ClampsOutOfRangePositions_NeverBetweenCrAndLf(int line, int character, int offset)
    {
        var index = new LineIndex("ab\r\ncd\nefg");

        Assert.Equal(offset, index.GetOffset(new Position(line, character)));
    }

    [Fact]
    public void GetPosition_InsideCrlf_IsTheEndOfTheLine()
    {
        var index = new LineIndex("ab\r\ncd");

        Assert.Equal(new Position(0, 2), index.GetPosition(3));
        Assert.Equal(new Position(1, 2), index.GetPosition(99));
        Assert.Equal(new Position(0, 0), index.GetPosition(-1));
    }

    [Fact]
    public void Columns_CountUtf16CodeUnits()
    {
        // The emoji is one code point but two UTF-16 code units, so 'x' is at column 3.
        var index = new LineIndex("a😀x\né");

        Assert.Equal(new Position(0, 3), index.GetPosition("a😀x".IndexOf('x', StringComparison.Ordinal)));
        Assert.Equal(new Range(new Position(0, 1), new Position(0, 3)), index.GetRange(1, 3));
        Assert.Equal(new Position(1, 1), index.GetPosition(6));
    }
}
