using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;

namespace VmLang.LanguageServer.Protocol;

/// <summary>
/// Reads LSP base-protocol frames (<c>Content-Length: N\r\n\r\n</c> followed by N bytes of UTF-8 JSON)
/// from a stream. Malformed headers are reported to the log and skipped: the reader resynchronizes
/// on the next <c>Content-Length</c> header instead of giving up, so one bad frame never ends the session.
/// </summary>
/// <remarks>
/// A wrong length must not cost the frame after it either. Too long: the body would swallow the next
/// frame's header, but a whole <c>Content-Length: N</c> line with a raw line break can never occur inside
/// JSON (a string cannot hold a raw line break), so the body is cut where such a line starts and the next
/// frame is read from there. Too short: the rest of the body is glued before the next header
/// (<c>…"}Content-Length: N</c>); a header line that ends in a Content-Length header is read from there.
/// </remarks>
internal sealed class MessageReader
{
    private const string ContentLengthHeader = "Content-Length";

    // A header line longer than this cannot be a real LSP header; treat it as garbage
    // rather than buffering an unbounded amount of input while waiting for a newline.
    private const int MaxHeaderLineLength = 8 * 1024;

    private static ReadOnlySpan<byte> ContentLengthLowerCase => "content-length"u8;

    private readonly PipeReader _input;
    private readonly TextWriter _log;

    // Parser state carried across reads, because a frame may arrive in many pieces.
    private int? _contentLength;
    private bool _headerBlockInvalid;
    private bool _sawHeaderInBlock;
    private int? _pendingBodyLength;
    // How much of the pending body has been searched for a header, so bytes arriving in pieces are searched once.
    private long _pendingBodySearched;
    private bool _resynchronizing;

    public MessageReader(Stream input, TextWriter log)
    {
        _input = PipeReader.Create(input);
        _log = log;
    }

    /// <summary>Returns the next message body, or <c>null</c> once the input has ended.</summary>
    public async ValueTask<byte[]?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            ReadResult result = await _input.ReadAsync(cancellationToken).ConfigureAwait(false);
            ReadOnlySequence<byte> buffer = result.Buffer;

            byte[]? body = TryReadFrame(ref buffer);
            if (body is not null)
            {
                _input.AdvanceTo(buffer.Start);
                return body;
            }

            if (result.IsCompleted)
            {
                if (!buffer.IsEmpty && !_resynchronizing)
                {
                    _log.WriteLine($"[lsp] input ended inside a message; {buffer.Length} byte(s) dropped.");
                }

                _input.AdvanceTo(buffer.End);
                await _input.CompleteAsync().ConfigureAwait(false);
                return null;
            }

            // Everything buffered has been looked at: wait for more bytes before parsing again.
            _input.AdvanceTo(buffer.Start, result.Buffer.End);
        }
    }

    private byte[]? TryReadFrame(ref ReadOnlySequence<byte> buffer)
    {
        while (true)
        {
            if (_resynchronizing && !TrySkipToNextContentLength(ref buffer))
            {
                return null;
            }

            if (_pendingBodyLength is int length)
            {
                return TryReadBody(ref buffer, length);
            }

            if (!TryReadHeaderLine(ref buffer, out string? line))
            {
                return null;
            }

            if (line.Length == 0)
            {
                EndHeaderBlock();
            }
            else
            {
                ReadHeader(line);
            }
        }
    }

    private byte[]? TryReadBody(ref ReadOnlySequence<byte> buffer, int length)
    {
        switch (FindHeaderInBody(buffer, length))
        {
            case HeaderSearch.Undecided:
                return null;
            case HeaderSearch.Found:
                _log.WriteLine($"[lsp] a message ran into the next Content-Length header after {_pendingBodySearched} of its {length} byte(s); it ends there.");
                length = (int)_pendingBodySearched;
                break;
            case HeaderSearch.None when buffer.Length < length:
                return null;
        }

        byte[] body = buffer.Slice(0, length).ToArray();
        buffer = buffer.Slice(length);
        _pendingBodyLength = null;
        _pendingBodySearched = 0;
        return body;
    }

    private enum HeaderSearch
    {
        None,
        Found,
        Undecided,
    }

    /// <summary>
    /// Looks for a <c>Content-Length: N</c> line starting inside the first <paramref name="length"/> bytes,
    /// searching only bytes not searched before. On <see cref="HeaderSearch.Found"/> and
    /// <see cref="HeaderSearch.Undecided"/> (the line has not fully arrived) <see cref="_pendingBodySearched"/>
    /// is where the line starts.
    /// </summary>
    private HeaderSearch FindHeaderInBody(ReadOnlySequence<byte> buffer, int length)
    {
        long end = Math.Min(buffer.Length, length);
        if (_pendingBodySearched >= end)
        {
            return HeaderSearch.None;
        }

        // The unsearched bytes, and enough after them to tell whether a line starting among them is a header.
        long windowLength = Math.Min(buffer.Length - _pendingBodySearched, end - _pendingBodySearched + MaxHeaderLineLength);
        bool windowReachesBufferEnd = _pendingBodySearched + windowLength == buffer.Length;
        byte[] window = buffer.Slice(_pendingBodySearched, windowLength).ToArray();
        int starts = (int)(end - _pendingBodySearched);
        ReadOnlySpan<byte> name = ContentLengthLowerCase;
        for (int i = 0; i < starts; i++)
        {
            int next = window.AsSpan(i, starts - i).IndexOfAny((byte)'c', (byte)'C');
            if (next < 0)
            {
                break;
            }

            i += next;
            int available = Math.Min(name.Length, window.Length - i);
            if (!Ascii.EqualsIgnoreCase(window.AsSpan(i, available), name[..available]))
            {
                continue;
            }

            bool? isHeader = available < name.Length ? null : IsContentLengthLine(window.AsSpan(i));
            if (isHeader is null && !windowReachesBufferEnd)
            {
                // Longer than any header line: not one.
                isHeader = false;
            }

            if (isHeader != false)
            {
                _pendingBodySearched += i;
                return isHeader == true ? HeaderSearch.Found : HeaderSearch.Undecided;
            }
        }

        _pendingBodySearched = end;
        return HeaderSearch.None;
    }

    /// <summary>
    /// Whether <paramref name="line"/> (starting at a Content-Length name) is a whole header line:
    /// the name, a colon, digits and a raw line break, with spaces between. Null when it ends too soon to tell.
    /// </summary>
    private static bool? IsContentLengthLine(ReadOnlySpan<byte> line)
    {
        int i = SkipSpaces(line, ContentLengthLowerCase.Length);
        if (i == line.Length)
        {
            return null;
        }

        if (line[i] != (byte)':')
        {
            return false;
        }

        i = SkipSpaces(line, i + 1);
        int digits = i;
        while (i < line.Length && char.IsAsciiDigit((char)line[i]))
        {
            i++;
        }

        if (i == digits)
        {
            return i == line.Length ? null : false;
        }

        i = SkipSpaces(line, i);
        if (i == line.Length || (line[i] == (byte)'\r' && i + 1 == line.Length))
        {
            return null;
        }

        return line[i] == (byte)'\n' || (line[i] == (byte)'\r' && line[i + 1] == (byte)'\n');

        static int SkipSpaces(ReadOnlySpan<byte> line, int i)
        {
            while (i < line.Length && line[i] is (byte)' ' or (byte)'\t')
            {
                i++;
            }

            return i;
        }
    }

    private bool TryReadHeaderLine(ref ReadOnlySequence<byte> buffer, [NotNullWhen(true)] out string? line)
    {
        SequencePosition? newline = buffer.PositionOf((byte)'\n');
        if (newline is null)
        {
            if (buffer.Length > MaxHeaderLineLength)
            {
                _log.WriteLine($"[lsp] header line longer than {MaxHeaderLineLength} bytes; skipping to the next Content-Length header.");
                buffer = buffer.Slice(buffer.Length - (ContentLengthLowerCase.Length - 1));
                StartResynchronizing();
            }

            line = null;
            return false;
        }

        // Headers are ASCII; tolerate a bare LF line ending as well as the specified CRLF.
        line = Encoding.ASCII.GetString(buffer.Slice(0, newline.Value)).TrimEnd('\r');
        buffer = buffer.Slice(buffer.GetPosition(1, newline.Value));
        return true;
    }

    private void ReadHeader(string line)
    {
        _sawHeaderInBlock = true;
        if (!line.StartsWith(ContentLengthHeader, StringComparison.OrdinalIgnoreCase)
            && line.LastIndexOf(ContentLengthHeader, StringComparison.OrdinalIgnoreCase) is > 0 and int glued
            && IsContentLengthLine(Encoding.ASCII.GetBytes(line[glued..] + "\n")) == true)
        {
            // The end of a body whose Content-Length was too short, or other junk, before a header.
            _log.WriteLine($"[lsp] skipped {glued} byte(s) of junk before a Content-Length header.");
            line = line[glued..];
        }

        int colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            _log.WriteLine($"[lsp] ignoring malformed header line '{line}'.");
            return;
        }

        // Other headers (Content-Type, anything a client adds) carry nothing we need.
        if (!line.AsSpan(0, colon).Trim().Equals(ContentLengthHeader, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        string value = line[(colon + 1)..].Trim();
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int length))
        {
            _contentLength = length;
        }
        else
        {
            _log.WriteLine($"[lsp] invalid Content-Length '{value}'.");
            _headerBlockInvalid = true;
        }
    }

    private void EndHeaderBlock()
    {
        if (!_sawHeaderInBlock)
        {
            // A stray blank line between frames (some clients add a newline after the body).
            return;
        }

        if (_contentLength is int length && !_headerBlockInvalid)
        {
            _pendingBodyLength = length;
        }
        else
        {
            if (_contentLength is null && !_headerBlockInvalid)
            {
                _log.WriteLine("[lsp] header block without Content-Length.");
            }

            _log.WriteLine("[lsp] skipping to the next Content-Length header.");
            StartResynchronizing();
        }

        _contentLength = null;
        _headerBlockInvalid = false;
        _sawHeaderInBlock = false;
    }

    private void StartResynchronizing()
    {
        _resynchronizing = true;
        _contentLength = null;
        _headerBlockInvalid = false;
        _sawHeaderInBlock = false;
    }

    /// <summary>
    /// Drops bytes up to the next "Content-Length" (any case). Keeps a possible partial match at the
    /// end of the buffer so a header split across reads is still found.
    /// </summary>
    private bool TrySkipToNextContentLength(ref ReadOnlySequence<byte> buffer)
    {
        // Only reached after a framing error, so copying the buffer is not a concern.
        byte[] bytes = buffer.ToArray();
        ReadOnlySpan<byte> name = ContentLengthLowerCase;
        for (int i = 0; i + name.Length <= bytes.Length; i++)
        {
            if (Ascii.EqualsIgnoreCase(bytes.AsSpan(i, name.Length), name))
            {
                buffer = buffer.Slice(i);
                _resynchronizing = false;
                return true;
            }
        }

        buffer = buffer.Slice(Math.Max(0, bytes.Length - (name.Length - 1)));
        return false;
    }
}
