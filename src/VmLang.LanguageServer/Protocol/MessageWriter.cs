using System.Buffers.Text;

namespace VmLang.LanguageServer.Protocol;

/// <summary>
/// Writes LSP base-protocol frames. Responses and notifications are produced concurrently by
/// handlers, so each frame is written under a lock: two frames never interleave on the wire.
/// </summary>
/// <remarks>
/// A frame is one buffer written with one synchronous call. The asynchronous calls of stdout's stream
/// each run on the thread pool (a base <see cref="Stream"/> does its async writes there), and after a
/// pause between keystrokes waking a pool thread for the header, the body and the flush took milliseconds
/// of a keystroke's diagnostics on a busy machine. A write blocks only when the client stops reading.
/// </remarks>
internal sealed class MessageWriter
{
    private static ReadOnlySpan<byte> HeaderStart => "Content-Length: "u8;

    private static ReadOnlySpan<byte> HeaderEnd => "\r\n\r\n"u8;

    private readonly Stream _output;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public MessageWriter(Stream output) => _output = output;

    // Bodies up to this size are copied behind their header and written in one call; larger ones (semantic
    // tokens of a big file) are written after it, uncopied.
    private const int CopiedBodyLimit = 64 * 1024;

    public async Task WriteAsync(ReadOnlyMemory<byte> body)
    {
        byte[] frame = Frame(body.Length <= CopiedBodyLimit ? body.Span : default, body.Length);

        // No cancellation once started: abandoning a frame halfway would corrupt the stream.
        if (!_writeLock.Wait(0))
        {
            await _writeLock.WaitAsync().ConfigureAwait(false);
        }

        try
        {
            _output.Write(frame);
            if (body.Length > CopiedBodyLimit)
            {
                _output.Write(body.Span);
            }

            _output.Flush();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>The header for a body of <paramref name="bodyLength"/> bytes, followed by <paramref name="body"/>.</summary>
    private static byte[] Frame(ReadOnlySpan<byte> body, int bodyLength)
    {
        Span<byte> length = stackalloc byte[16];
        Utf8Formatter.TryFormat(bodyLength, length, out int digits);
        var frame = new byte[HeaderStart.Length + digits + HeaderEnd.Length + body.Length];
        var rest = frame.AsSpan();
        HeaderStart.CopyTo(rest);
        rest = rest[HeaderStart.Length..];
        length[..digits].CopyTo(rest);
        rest = rest[digits..];
        HeaderEnd.CopyTo(rest);
        body.CopyTo(rest[HeaderEnd.Length..]);
        return frame;
    }
}
