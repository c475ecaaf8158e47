using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace VmLang.Benchmarks;

/// <summary>
/// A <c>vmlang lsp --stdio</c> process and a minimal LSP client over its stdin/stdout: one loop reads
/// every message and hands responses to their requests and diagnostics to whoever waits for them, so
/// requests and edits may be in flight together, as in an editor.
/// </summary>
internal sealed class LspServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Stream _input;
    private readonly Stream _output;
    private readonly Lock _lock = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _responses = new();
    private readonly Dictionary<string, int> _publishedVersions = new(StringComparer.Ordinal);
    private readonly List<(string Uri, int Version, TaskCompletionSource Published)> _diagnosticWaiters = [];
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Task _readLoop;
    private int _nextId;
    private int _version = 1;

    private LspServerProcess(Process process)
    {
        _process = process;
        _input = process.StandardInput.BaseStream;
        // Buffered, so reading a header byte by byte costs no system call per byte: the time
        // measured should be the server's, not this client's.
        _output = new BufferedStream(process.StandardOutput.BaseStream, 1 << 16);
        _readLoop = Task.Run(ReadLoopAsync);
    }

    public int ProcessId => _process.Id;

    /// <summary>
    /// Starts the server: <paramref name="server"/> is the JIT build's <c>vmlang.dll</c> (run with <c>dotnet</c>)
    /// or a native executable such as the NativeAOT <c>artifacts/aot/linux-x64/vmlang</c>.
    /// </summary>
    public static async Task<LspServerProcess> StartAsync(string server, string folder)
    {
        var start = server.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? new ProcessStartInfo("dotnet", [server, "lsp", "--stdio"])
            : new ProcessStartInfo(server, ["lsp", "--stdio"]);
        start.RedirectStandardInput = start.RedirectStandardOutput = start.RedirectStandardError = true;
        var process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync();
        var client = new LspServerProcess(process);
        await client.RequestAsync("initialize", new { processId = Environment.ProcessId, rootUri = new Uri(folder).AbsoluteUri, capabilities = new { } });
        await client.SendAsync("initialized", new { });
        return client;
    }

    public int NextVersion() => ++_version;

    public async Task SendAsync(string method, object parameters) =>
        await WriteAsync(JsonSerializer.SerializeToUtf8Bytes(new { jsonrpc = "2.0", method, @params = parameters }));

    /// <summary>Sends a request and returns its result once the answer is read.</summary>
    public async Task<JsonElement> RequestAsync(string method, object parameters)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answered = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _responses[id] = answered;
        await WriteAsync(JsonSerializer.SerializeToUtf8Bytes(new { jsonrpc = "2.0", id, method, @params = parameters }));
        return await answered.Task;
    }

    /// <summary>Completes when the diagnostics of <paramref name="uri"/> at <paramref name="version"/> or later have been read.</summary>
    public Task WaitForDiagnosticsAsync(string uri, int version)
    {
        lock (_lock)
        {
            if (_publishedVersions.TryGetValue(uri, out var published) && published >= version) return Task.CompletedTask;
            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _diagnosticWaiters.Add((uri, version, waiter));
            return waiter.Task;
        }
    }

    /// <summary>The server's resident set (VmRSS) and its peak (VmHWM), in KiB, from <c>/proc</c>.</summary>
    public (long Rss, long Peak) Memory()
    {
        long rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kilobytes(line);
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) peak = Kilobytes(line);
        }
        return (rss, peak);

        static long Kilobytes(string line) => long.Parse(line.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (true)
            {
                using var message = await ReadAsync();
                var root = message.RootElement;
                if (root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number && !root.TryGetProperty("method", out _))
                {
                    if (_responses.TryRemove(id.GetInt32(), out var answered))
                    {
                        if (root.TryGetProperty("error", out var error)) answered.TrySetException(new InvalidOperationException($"the server answered {error}"));
                        else answered.TrySetResult(root.TryGetProperty("result", out var result) ? result.Clone() : default);
                    }
                    continue;
                }
                if (!root.TryGetProperty("method", out var method) || method.GetString() != "textDocument/publishDiagnostics") continue;
                var parameters = root.GetProperty("params");
                if (!parameters.TryGetProperty("version", out var v) || v.ValueKind != JsonValueKind.Number) continue;
                Published(parameters.GetProperty("uri").GetString()!, v.GetInt32());
            }
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ObjectDisposedException)
        {
            foreach (var answered in _responses.Values) answered.TrySetException(e);
            lock (_lock)
            {
                foreach (var (_, _, waiter) in _diagnosticWaiters) waiter.TrySetException(e);
            }
        }
    }

    private void Published(string uri, int version)
    {
        lock (_lock)
        {
            _publishedVersions[uri] = Math.Max(version, _publishedVersions.GetValueOrDefault(uri));
            for (var i = _diagnosticWaiters.Count - 1; i >= 0; i--)
            {
                var (waitingUri, waitingVersion, waiter) = _diagnosticWaiters[i];
                if (waitingUri != uri || waitingVersion > version) continue;
                waiter.TrySetResult();
                _diagnosticWaiters.RemoveAt(i);
            }
        }
    }

    private async Task WriteAsync(byte[] body)
    {
        // One write per message, as editors send them.
        await _writeLock.WaitAsync();
        try
        {
            await _input.WriteAsync((byte[])[.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body]);
            await _input.FlushAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task<JsonDocument> ReadAsync()
    {
        var header = new StringBuilder();
        var one = new byte[1];
        while (!header.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await _output.ReadAsync(one) == 0) throw new EndOfStreamException("the server closed stdout");
            header.Append((char)one[0]);
        }
        var length = int.Parse(header.ToString().Split("Content-Length:")[1].Split("\r\n")[0].Trim(), CultureInfo.InvariantCulture);
        var body = new byte[length];
        await _output.ReadExactlyAsync(body);
        return JsonDocument.Parse(body);
    }

    public async ValueTask DisposeAsync()
    {
        await RequestAsync("shutdown", new { });
        await SendAsync("exit", new { });
        if (!_process.WaitForExit(10000)) _process.Kill(entireProcessTree: true);
        await Task.WhenAny(_readLoop, Task.Delay(1000));
        _process.Dispose();
    }
}
