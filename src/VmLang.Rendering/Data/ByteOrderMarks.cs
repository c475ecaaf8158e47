using System.Text;

namespace VmLang.Rendering;

/// <summary>
/// Spreadsheet programs save "Unicode text" as UTF-16 with a byte-order mark; the CSV reader
/// reads UTF-8 bytes. A UTF-16 or UTF-32 mark turns the input into a UTF-8 transcoding stream;
/// anything else (a UTF-8 mark included) is passed on as it is.
/// </summary>
internal static class ByteOrderMarks
{
    public static Stream ToUtf8(Stream input)
    {
        var head = new byte[4];
        var read = input.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var rest = new PrefixedStream(head[..read], input);
        return Detect(head.AsSpan(0, read)) is { } encoding
            ? Encoding.CreateTranscodingStream(rest, encoding, Encoding.UTF8, leaveOpen: true)
            : rest;
    }

    private static Encoding? Detect(ReadOnlySpan<byte> head) => head switch
    {
        [0xFF, 0xFE, 0, 0, ..] => Encoding.UTF32,
        [0, 0, 0xFE, 0xFF, ..] => new UTF32Encoding(bigEndian: true, byteOrderMark: true),
        [0xFF, 0xFE, ..] => Encoding.Unicode,
        [0xFE, 0xFF, ..] => Encoding.BigEndianUnicode,
        _ => null,
    };
}
