using System.Text;
using VmLang.Text;

namespace VmLang.Rendering;

/// <summary>
/// Spreadsheet programs save "Unicode text" as UTF-16 with a byte-order mark; the CSV reader
/// reads UTF-8 bytes. A UTF-16 or UTF-32 mark (<see cref="ForeignByteOrderMark"/>) turns the rest of
/// the input into a UTF-8 transcoding stream; anything else (a UTF-8 mark included) is passed on as it is.
/// </summary>
internal static class ByteOrderMarks
{
    public static Stream ToUtf8(Stream input)
    {
        var head = new byte[4];
        var read = input.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (ForeignByteOrderMark.Find(head.AsSpan(0, read)) is not { } mark) return new PrefixedStream(head[..read], input);
        var rest = new PrefixedStream(head[mark.MarkLength..read], input);
        return Encoding.CreateTranscodingStream(rest, mark.Encoding, Encoding.UTF8, leaveOpen: true);
    }
}
