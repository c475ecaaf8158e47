using System.Buffers;
using System.Text;
using System.Text.Json;

namespace VmLang.Cli.Output;

/// <summary>
/// Hands a report to its writer in pieces of about 64 KB as it is made, so a report of any size needs
/// no more memory than that, and a console writer (which flushes on every write) is written to rarely.
/// </summary>
internal sealed class ChunkedOutput(TextWriter output)
{
    private const int ChunkChars = 1 << 16;
    private readonly StringBuilder _pending = new(ChunkChars + 4096);

    /// <summary>The text not yet handed on; append to it, then call <see cref="EndLine"/> or <see cref="Flush"/>.</summary>
    public StringBuilder Text => _pending;

    public void EndLine()
    {
        _pending.Append(output.NewLine);
        if (_pending.Length >= ChunkChars) Flush();
    }

    public void Flush()
    {
        if (_pending.Length == 0) return;
        output.Write(_pending.ToString());
        _pending.Clear();
    }
}

/// <summary>A <see cref="Utf8JsonWriter"/> whose bytes reach a <see cref="TextWriter"/> in pieces of about 64 KB.</summary>
internal sealed class ChunkedJson : IDisposable
{
    private const int ChunkBytes = 1 << 16;
    private readonly ArrayBufferWriter<byte> _buffer = new(ChunkBytes + 4096);
    private readonly TextWriter _output;

    public ChunkedJson(TextWriter output)
    {
        _output = output;
        Writer = new Utf8JsonWriter(_buffer, DiagnosticWriters.JsonOptions);
    }

    public Utf8JsonWriter Writer { get; }

    /// <summary>Hands on what is written so far once it is a chunk's worth; call between whole values.</summary>
    public void MaybeFlush()
    {
        if (Writer.BytesPending + _buffer.WrittenCount >= ChunkBytes) Flush();
    }

    /// <summary>Hands on everything written; the writer flushes whole tokens, so no UTF-8 sequence is cut.</summary>
    public void Flush()
    {
        Writer.Flush();
        if (_buffer.WrittenCount == 0) return;
        _output.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
        _buffer.ResetWrittenCount();
    }

    /// <summary>Ends the document: everything is handed on, then a line break.</summary>
    public void Complete()
    {
        Flush();
        _output.WriteLine();
    }

    public void Dispose() => Writer.Dispose();
}

/// <summary>Paths as the user sees them, each file's made once: a report names a file once per diagnostic.</summary>
internal sealed class DisplayPaths
{
    private readonly string _currentDirectory = Environment.CurrentDirectory;
    private readonly Dictionary<string, string> _shown = new(StringComparer.Ordinal);

    public string Get(string path)
    {
        if (!_shown.TryGetValue(path, out var shown)) _shown[path] = shown = DiagnosticWriters.DisplayPath(path, _currentDirectory);
        return shown;
    }
}
