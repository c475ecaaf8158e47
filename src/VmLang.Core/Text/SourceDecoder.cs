using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace VmLang.Text;

/// <summary>
/// Turns a file's bytes into a <see cref="SourceText"/> without losing track of bytes that are not
/// UTF-8 (spec §2, VML0005). A UTF-8 BOM is kept in the text. Invalid bytes become U+FFFD, and the
/// first one is recorded in <see cref="SourceText.EncodingProblem"/>; a UTF-16 or UTF-32 file with a
/// byte-order mark is decoded in its own encoding, so the tree still reads, and the mark is named.
/// </summary>
public static class SourceDecoder
{
    private static readonly UTF8Encoding Utf8Replacing = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static SourceText Decode(ReadOnlySpan<byte> bytes)
    {
        if (ForeignByteOrderMark.Find(bytes) is { } foreign)
        {
            var decoded = foreign.Encoding.GetString(bytes[foreign.MarkLength..]);
            return new SourceText(decoded, new EncodingProblem(0, 0, $"it starts with a {foreign.Name} byte-order mark"));
        }

        var hasBom = bytes.StartsWith(Utf8Bom);
        var body = hasBom ? bytes[Utf8Bom.Length..] : bytes;
        var text = Utf8Replacing.GetString(body);
        var prefix = hasBom ? "\uFEFF" : "";
        if (Utf8.IsValid(body)) return new SourceText(prefix + text);
        return new SourceText(prefix + text, FirstInvalidByte(body, prefix.Length, hasBom ? Utf8Bom.Length : 0));
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Where the first invalid byte is, in the decoded text (one U+FFFD) and in the file.</summary>
    private static EncodingProblem FirstInvalidByte(ReadOnlySpan<byte> body, int charOffset, int byteOffset)
    {
        var chars = ArrayPool<char>.Shared.Rent(body.Length);
        try
        {
            // Valid UTF-8 up to the bad byte decodes to exactly the text before it.
            Utf8.ToUtf16(body, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
            var bad = bytesRead < body.Length ? body[bytesRead] : (byte)0;
            return new EncodingProblem(charOffset + charsWritten, 1, $"byte 0x{bad:X2} at byte offset {byteOffset + bytesRead} is not part of a UTF-8 character");
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}

/// <summary>Why a file's bytes are not UTF-8, and where: the span covers the first bad byte's U+FFFD.</summary>
public sealed record EncodingProblem(int Position, int Length, string Description)
{
    public TextSpan Span => new(Position, Length);
}

/// <summary>
/// A UTF-16 or UTF-32 byte-order mark at the start of a file: the one table that source files
/// (VML0005) and data files (read through a UTF-8 transcoder) both go by.
/// </summary>
/// <param name="Encoding">The encoding of the bytes after the mark; it writes and expects no mark itself.</param>
public sealed record ForeignByteOrderMark(string Name, int MarkLength, Encoding Encoding)
{
    public static ForeignByteOrderMark? Find(ReadOnlySpan<byte> bytes)
    {
        // UTF-32 LE starts with the UTF-16 LE mark, so it is tested first.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00])) return new("UTF-32 LE", 4, new UTF32Encoding(bigEndian: false, byteOrderMark: false));
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF])) return new("UTF-32 BE", 4, new UTF32Encoding(bigEndian: true, byteOrderMark: false));
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return new("UTF-16 LE", 2, new UnicodeEncoding(bigEndian: false, byteOrderMark: false));
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return new("UTF-16 BE", 2, new UnicodeEncoding(bigEndian: true, byteOrderMark: false));
        return null;
    }
}
