namespace VmLang.Rendering;

/// <summary>
/// Prospect data piped in (<c>--data -</c>). A pipe has no file extension to tell its format, so
/// unless the user names one, the first character decides: <c>[</c> is a JSON array, <c>{</c> is
/// JSON Lines, anything else is CSV.
/// </summary>
public static class StandardInputData
{
    /// <summary>What <c>--data</c> says for standard input.</summary>
    public const string Argument = "-";

    /// <summary>How messages name standard input.</summary>
    public const string DisplayName = "stdin";

    public static DataSource Open(Stream input, DataFormat? format)
    {
        if (format is { } known) return DataSource.Create(input, known);
        var prefix = ReadUntilFirstContent(input);
        return DataSource.Create(new PrefixedStream(prefix, input), Sniff(prefix));
    }

    internal static DataFormat Sniff(ReadOnlySpan<byte> start) => FirstContentByte(start) switch
    {
        (byte)'[' => DataFormat.Json,
        (byte)'{' => DataFormat.JsonLines,
        _ => DataFormat.Csv,
    };

    /// <summary>The first byte after a UTF-8 byte-order mark and whitespace; null if there is none yet.</summary>
    private static byte? FirstContentByte(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        var at = bytes.IndexOfAnyExcept(" \t\r\n"u8);
        return at < 0 ? null : bytes[at];
    }

    /// <summary>Reads up to the first character that is not whitespace (or a few KB of it, or the end).</summary>
    private static byte[] ReadUntilFirstContent(Stream input)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[4096];
        while (buffer.Length < 64 * 1024)
        {
            var read = input.Read(chunk);
            if (read == 0) break;
            buffer.Write(chunk, 0, read);
            if (FirstContentByte(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) is not null) break;
        }
        return buffer.ToArray();
    }
}
