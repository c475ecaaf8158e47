using System.Text;

namespace VmLang.Rendering;

/// <summary>
/// How data files are decoded. Data is UTF-8 unless the user names another encoding; bytes that are not
/// UTF-8 are never turned silently into U+FFFD: the row that holds them is rejected with a message saying so,
/// so a Latin-1 file cannot render "Jos� Garc�a" to a prospect.
/// </summary>
/// <remarks>
/// A text reader made by <see cref="OpenText"/> decodes each invalid byte sequence as
/// <see cref="InvalidByteMarker"/> (U+FFFF, a noncharacter that no data file has reason to hold), so a
/// source checks each row it reads with <see cref="ContainsInvalidBytes"/> and names the row exactly,
/// however far the reader has buffered ahead. A source that reads bytes (<see cref="System.Text.Json.Utf8JsonReader"/>)
/// has its own UTF-8 check.
/// </remarks>
public static class DataEncoding
{
    /// <summary>What an invalid byte sequence decodes to in a reader made by <see cref="OpenText"/>.</summary>
    public const char InvalidByteMarker = '\uFFFF';

    /// <summary>The message of a row error for a row holding bytes that are not UTF-8.</summary>
    public const string InvalidRowMessage = "the row is not valid UTF-8; if the file uses another encoding, name it with --data-encoding (e.g. latin1)";

    private static readonly Encoding MarkingUtf8 = CreateMarkingUtf8();

    /// <summary>
    /// The encodings a user may name: any the runtime knows without code-page tables (utf-8, utf-16,
    /// utf-16BE, utf-32, us-ascii, latin1/iso-8859-1).
    /// </summary>
    public static bool TryParse(string name, out Encoding encoding)
    {
        try
        {
            encoding = Encoding.GetEncoding(name.Trim());
            return true;
        }
        catch (ArgumentException)
        {
            encoding = null!;
            return false;
        }
    }

    /// <summary>UTF-8 text of <paramref name="input"/>, with invalid bytes marked; a UTF-8 or UTF-16 byte-order mark is honoured.</summary>
    public static StreamReader OpenText(Stream input, int bufferSize) =>
        new(input, MarkingUtf8, detectEncodingFromByteOrderMarks: true, bufferSize, leaveOpen: true);

    /// <summary>
    /// The input as UTF-8 bytes: as it is when <paramref name="encoding"/> is null (the data is UTF-8 and
    /// is checked as it is read), else converted from <paramref name="encoding"/>.
    /// </summary>
    public static Stream AsUtf8(Stream input, Encoding? encoding) =>
        encoding is null || encoding.CodePage == Encoding.UTF8.CodePage
            ? input
            : Encoding.CreateTranscodingStream(input, encoding, Encoding.UTF8, leaveOpen: true);

    public static bool ContainsInvalidBytes(ReadOnlySpan<char> text) => text.Contains(InvalidByteMarker);

    private static Encoding CreateMarkingUtf8()
    {
        var encoding = (Encoding)new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).Clone();
        encoding.DecoderFallback = new DecoderReplacementFallback(InvalidByteMarker.ToString());
        return encoding;
    }
}
