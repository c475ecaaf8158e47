using System.Globalization;
using System.Text;

namespace VmLang.LanguageServer.Protocol;

/// <summary>
/// Writes LSP base-protocol frames. Responses and notifications are produced concurrently by
/// handlers, so each frame is written under a lock: two frames never interleave on the wire.
/// </summary>
internal sealed class MessageWriter
{
    private readonly Stream _output;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public MessageWriter(Stream output) => _output = output;

    public async Task WriteAsync(ReadOnlyMemory<byte> body)
    {
        byte[] header = Encoding.ASCII.GetBytes(
            "Content-Length: " + body.Length.ToString(CultureInfo.InvariantCulture) + "\r\n\r\n");

        // No cancellation once started: abandoning a frame halfway would corrupt the stream.
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await _output.WriteAsync(header).ConfigureAwait(false);
            await _output.WriteAsync(body).ConfigureAwait(false);
            await _output.FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
