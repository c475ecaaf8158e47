using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using VmLang.Syntax;

namespace VmLang.Benchmarks;

/// <summary>
/// Edit → <c>publishDiagnostics</c> latency of the real <c>vmlang lsp --stdio</c> process for
/// single-character edits to a 5,000-line file: the time from writing a <c>didChange</c> to reading
/// the diagnostics the server published for that version. Each edit renames a hole's slot back and
/// forth (<c>{{ nam }}</c> ↔ <c>{{ name }}</c>), so every edit changes the diagnostics.
/// Also times the compiler's own steps on the same text, to show where the time goes.
/// </summary>
public static class LspLatencyBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var dll = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? throw new ArgumentException("usage: lsp-latency PATH/vmlang.dll [--edits N] [--pause-ms N] [--clean] [--at first|middle|last] [--workspace-mb N]");
        var edits = Option(args, "--edits", 200);
        var pauseMs = Option(args, "--pause-ms", 100);
        var folder = Directory.CreateTempSubdirectory("vmlang-bench-").FullName;
        var file = Path.Combine(folder, "big.vml");
        var clean = args.Contains("--clean");
        // Which template is edited: the server reparses from it on, so the first is the worst case and the last the best.
        var at = Array.IndexOf(args, "--at") is var atIndex and >= 0 && atIndex + 1 < args.Length ? args[atIndex + 1] : "middle";
        var text = BigWorkspaceFile(5000, clean, at);
        File.WriteAllText(file, text);
        Console.WriteLine($"workspace file: {text.Split('\n').Length - 1} lines, {text.Length / 1024} KiB, "
            + (clean ? "only the edited template has errors (--clean)" : "every template has the error the edit toggles")
            + $"; the {at} template is edited");

        // Other files around the edited one: what stays the same is not bound or checked again.
        var otherMegabytes = Option(args, "--workspace-mb", 0);
        if (otherMegabytes > 0)
        {
            var others = GeneratedWorkspace.Create(otherMegabytes * 1024 * 1024, rulesetPhrases: 10);
            foreach (var (path, content) in others) File.WriteAllText(Path.Combine(folder, path), content);
            Console.WriteLine($"and {others.Count} other files, {others.Sum(o => o.Text.Length) / 1024} KiB");
        }

        TimeCompiler(text, file);

        await using var server = await ServerProcess.StartAsync(dll, folder);
        var uri = new Uri(file).AbsoluteUri;
        await server.SendAsync("textDocument/didOpen", new { textDocument = new { uri, languageId = "vmlang", version = 1, text } });
        await server.WaitForDiagnosticsAsync(uri, 1);

        var holeLine = text[..EditedHole(text, at)].Count(c => c == '\n');
        var holeColumn = text.Split('\n')[holeLine].IndexOf("{{ nam }}", StringComparison.Ordinal) + 6;

        foreach (var (label, pause) in new[] { ($"typing pace ({pauseMs} ms between keystrokes)", pauseMs), ("back to back (next edit as soon as diagnostics arrive)", 0) })
        {
            var latencies = new List<double>();
            for (var i = 0; i < edits + 10; i++)
            {
                var version = server.NextVersion();
                var insert = version % 2 == 0;
                var change = insert
                    ? new { range = Range(holeLine, holeColumn, holeLine, holeColumn), text = "e" }
                    : new { range = Range(holeLine, holeColumn, holeLine, holeColumn + 1), text = "" };
                var watch = Stopwatch.StartNew();
                await server.SendAsync("textDocument/didChange", new { textDocument = new { uri, version }, contentChanges = new[] { change } });
                await server.WaitForDiagnosticsAsync(uri, version);
                if (i >= 10) latencies.Add(watch.Elapsed.TotalMilliseconds); // the first ten warm the JIT up
                if (pause > 0) await Task.Delay(pause);
            }
            latencies.Sort();
            Console.WriteLine($"{label}: n={latencies.Count} p50={Percentile(latencies, 0.50):0.0} ms p95={Percentile(latencies, 0.95):0.0} ms max={latencies[^1]:0.0} ms");
        }
        Directory.Delete(folder, recursive: true);
        return 0;
    }

    /// <summary>Parse, bind and check of the same text in this process: what each keystroke costs the server.</summary>
    private static void TimeCompiler(string text, string path)
    {
        var parse = new List<double>();
        var bind = new List<double>();
        var check = new List<double>();
        for (var i = 0; i < 30; i++)
        {
            var watch = Stopwatch.StartNew();
            var tree = SyntaxTree.Parse(text, path);
            parse.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            var compilation = Compilation.Create([tree]);
            _ = compilation.Templates;
            bind.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            _ = compilation.GetDiagnostics();
            check.Add(watch.Elapsed.TotalMilliseconds);
        }
        static string Median(List<double> values) => values.Skip(10).Order().ElementAt(10).ToString("0.00", CultureInfo.InvariantCulture);
        Console.WriteLine($"a full compile from scratch in this process, for reference (median of 20 runs; the server reparses only from the edit and keeps the rest): parse {Median(parse)} ms, bind {Median(bind)} ms, rules+filter {Median(check)} ms");
    }

    private static object Range(int line, int character, int endLine, int endCharacter) =>
        new { start = new { line, character }, end = new { line = endLine, character = endCharacter } };

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>
    /// Templates like the spec's example, each with an optional <c>name</c> slot said as <c>{{ nam }}</c>
    /// (two diagnostics a template), to about <paramref name="lines"/> lines; when <paramref name="clean"/>,
    /// only the edited template, in the middle of the file, has the typo, as in a file someone is working on.
    /// </summary>
    internal static string BigWorkspaceFile(int lines, bool clean = false, string at = "middle")
    {
        var text = new StringBuilder("ruleset desk {\n  forbid \"just wanted to\", \"as per my last\" because \"Filler.\"\n  prefer \"call me back\" => \"you can reach me at\" because \"Begging.\"\n}\n");
        var count = 0;
        while (text.ToString().Count(c => c == '\n') < lines - 20)
        {
            text.Append(CultureInfo.InvariantCulture, $$$""""

                template t{{{count++}}} for voicemail {
                  use desk
                  max 30s

                  slot prospect : prospect
                  slot rep      : caller
                  slot firm     : company = "Northwind Telecom"
                  slot pain     : reason
                  slot outcome  : benefit
                  slot when     : callback
                  slot number   : contact
                  slot name     : text optional

                  say """
                    Hi {{ prospect | first }}, this is {{ rep }} with {{ firm }}. {{ nam }}
                    {{ pain }}, and we {{ outcome }}.
                    I'll try you again {{ when }}. If it's of interest before then, you can reach me at {{ number }}.
                    """
                }

                """");
        }
        var result = text.ToString().ReplaceLineEndings("\n");
        if (!clean) return result;
        var edited = EditedHole(result, at);
        var end = edited + "{{ nam }}".Length;
        return result[..edited].Replace("{{ nam }}", "{{ name }}", StringComparison.Ordinal)
            + result[edited..end] + result[end..].Replace("{{ nam }}", "{{ name }}", StringComparison.Ordinal);
    }

    /// <summary>Where the edited <c>{{ nam }}</c> is: in the first, middle or last template of the file.</summary>
    private static int EditedHole(string text, string at)
    {
        var holes = new List<int>();
        for (var i = text.IndexOf("{{ nam", StringComparison.Ordinal); i >= 0; i = text.IndexOf("{{ nam", i + 1, StringComparison.Ordinal)) holes.Add(i);
        return holes[at switch { "first" => 0, "last" => holes.Count - 1, _ => holes.Count / 2 }];
    }

    /// <summary>The server process and a minimal LSP client over its stdin/stdout.</summary>
    private sealed class ServerProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly Stream _input;
        private readonly Stream _output;
        private int _nextId;
        private int _version = 1;

        private ServerProcess(Process process)
        {
            _process = process;
            _input = process.StandardInput.BaseStream;
            // Buffered, so reading a header byte by byte costs no system call per byte: the time
            // measured should be the server's, not this client's.
            _output = new BufferedStream(process.StandardOutput.BaseStream, 1 << 16);
        }

        public static async Task<ServerProcess> StartAsync(string dll, string folder)
        {
            var start = new ProcessStartInfo("dotnet", [dll, "lsp", "--stdio"]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
            var process = Process.Start(start)!;
            _ = process.StandardError.ReadToEndAsync();
            var server = new ServerProcess(process);
            await server.RequestAsync("initialize", new { processId = Environment.ProcessId, rootUri = new Uri(folder).AbsoluteUri, capabilities = new { } });
            await server.SendAsync("initialized", new { });
            return server;
        }

        public int NextVersion() => ++_version;

        public async Task SendAsync(string method, object parameters) =>
            await WriteAsync(JsonSerializer.SerializeToUtf8Bytes(new { jsonrpc = "2.0", method, @params = parameters }));

        public async Task RequestAsync(string method, object parameters)
        {
            var id = ++_nextId;
            await WriteAsync(JsonSerializer.SerializeToUtf8Bytes(new { jsonrpc = "2.0", id, method, @params = parameters }));
            while (true)
            {
                using var message = await ReadAsync();
                if (message.RootElement.TryGetProperty("id", out var got) && got.ValueKind == JsonValueKind.Number && got.GetInt32() == id) return;
            }
        }

        /// <summary>Reads until the diagnostics of <paramref name="uri"/> at <paramref name="version"/> arrive.</summary>
        public async Task WaitForDiagnosticsAsync(string uri, int version)
        {
            while (true)
            {
                using var message = await ReadAsync();
                var root = message.RootElement;
                if (!root.TryGetProperty("method", out var method) || method.GetString() != "textDocument/publishDiagnostics") continue;
                var parameters = root.GetProperty("params");
                if (parameters.GetProperty("uri").GetString() == uri && parameters.TryGetProperty("version", out var v) && v.GetInt32() >= version) return;
            }
        }

        private async Task WriteAsync(byte[] body)
        {
            // One write per message, as editors send them.
            await _input.WriteAsync((byte[])[.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body]);
            await _input.FlushAsync();
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
            _process.Dispose();
        }
    }
}
