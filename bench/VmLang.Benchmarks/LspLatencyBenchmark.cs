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
    private const string Usage = "usage: lsp-latency SERVER [--edits N] [--pause-ms N] [--clean] [--at first|middle|last] [--workspace-mb N] [--no-requests] [--full-tokens] [--memory N]\n"
        + "  SERVER: the JIT build's vmlang.dll (run with dotnet) or a native executable (artifacts/aot/linux-x64/vmlang)";

    public static async Task<int> RunAsync(string[] args)
    {
        var serverPath = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? throw new ArgumentException(Usage, nameof(args));
        var edits = Option(args, "--edits", 200);
        var pauseMs = Option(args, "--pause-ms", 100);
        var memoryEdits = Option(args, "--memory", 0);
        var folder = Directory.CreateTempSubdirectory("vmlang-bench-").FullName;
        var file = Path.Combine(folder, "big.vml");
        var clean = args.Contains("--clean");
        // Which template is edited: the server reparses from it on, so the first is the worst case and the last the best.
        var at = Array.IndexOf(args, "--at") is var atIndex and >= 0 && atIndex + 1 < args.Length ? args[atIndex + 1] : "middle";
        var text = BigWorkspaceFile(5000, clean, at);
        File.WriteAllText(file, text);
        Console.WriteLine($"server: {serverPath}");
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

        if (memoryEdits == 0) TimeCompiler(text, file);

        await using (var server = await LspServerProcess.StartAsync(serverPath, folder))
        {
            var session = new EditSession(server, new Uri(file).AbsoluteUri, text, at, deltaTokens: !args.Contains("--full-tokens"));
            await session.OpenAsync();
            if (memoryEdits > 0)
            {
                await MeasureMemoryAsync(session, memoryEdits);
            }
            else
            {
                var typing = await session.TypeAsync(edits, pauseMs, withRequests: false);
                Report($"typing pace ({pauseMs} ms between keystrokes): edit → publishDiagnostics", typing.Diagnostics);
                var backToBack = await session.TypeAsync(edits, pause: 0, withRequests: false);
                Report("back to back (next edit as soon as diagnostics arrive): edit → publishDiagnostics", backToBack.Diagnostics);
                if (!args.Contains("--no-requests"))
                {
                    // Each keystroke is followed at once by one request, in turn hover, completion and semantic tokens,
                    // which sees the edit: the request waits for nothing but may share the CPU with the edit's compile.
                    var requests = await session.TypeAsync(edits, pauseMs, withRequests: true);
                    Report($"typing pace with a request after each keystroke: edit → publishDiagnostics", requests.Diagnostics);
                    foreach (var (method, latencies) in requests.Requests)
                    {
                        var shown = method.EndsWith("/full", StringComparison.Ordinal) && !args.Contains("--full-tokens") ? method + "/delta" : method;
                        Report($"  {shown} sent with the edit: request → response", latencies);
                    }
                    Console.WriteLine($"  (answers: {session.AnswerSizes})");
                }
            }
        }
        Directory.Delete(folder, recursive: true);
        return 0;
    }

    /// <summary>
    /// The server's working set after the first 100 edits and after <paramref name="edits"/>, each read once
    /// edits have been quiet for a second (the server collects garbage when idle); one edit in ten is
    /// followed by a request, so whatever requests keep is measured too.
    /// </summary>
    private static async Task MeasureMemoryAsync(EditSession session, int edits)
    {
        var checkpoints = new[] { 100, 1000, edits / 4, edits / 2, edits }.Where(c => c <= edits).Distinct().Order().ToArray();
        var done = 0;
        long first = 0;
        var watch = Stopwatch.StartNew();
        foreach (var checkpoint in checkpoints)
        {
            await session.EditBurstAsync(checkpoint - done, requestEvery: 10);
            done = checkpoint;
            await Task.Delay(1000);
            var (rss, peak) = session.Server.Memory();
            if (first == 0) first = rss;
            Console.WriteLine($"after {done,6} edits: working set (VmRSS) {rss / 1024.0:0.0} MB, {(double)rss / first:0.00}× the one after 100; peak (VmHWM) {peak / 1024.0:0.0} MB; {watch.Elapsed.TotalSeconds:0} s");
        }
    }

    private static void Report(string label, List<double> latencies)
    {
        latencies.Sort();
        Console.WriteLine($"{label}: n={latencies.Count} p50={Percentile(latencies, 0.50):0.0} ms p95={Percentile(latencies, 0.95):0.0} ms max={latencies[^1]:0.0} ms");
    }

    /// <summary>
    /// Edits one hole of the open file back and forth (<c>{{ nam }}</c> ↔ <c>{{ name }}</c>), so every edit
    /// changes the diagnostics, and times what the server answers.
    /// </summary>
    /// <remarks>
    /// Semantic tokens are asked for as an editor asks once the server offers deltas: the whole document
    /// the first time, then <c>full/delta</c> from the last result (<c>--full-tokens</c>: always whole).
    /// </remarks>
    private sealed class EditSession(LspServerProcess server, string uri, string text, string at, bool deltaTokens)
    {
        private static readonly string[] RequestMethods = ["textDocument/hover", "textDocument/completion", "textDocument/semanticTokens/full"];
        private string? _tokensResultId;

        private readonly int _holeLine = text[..EditedHole(text, at)].Count(c => c == '\n');
        private readonly string _holeLineText = text.Split('\n')[text[..EditedHole(text, at)].Count(c => c == '\n')];
        private readonly Dictionary<string, string> _answerSizes = [];
        private int _requestsSent;

        public LspServerProcess Server => server;

        public string AnswerSizes => string.Join(", ", _answerSizes.Select(a => $"{a.Key[(a.Key.IndexOf('/') + 1)..]} {a.Value}"));

        private int HoleColumn => _holeLineText.IndexOf("{{ nam }}", StringComparison.Ordinal) + "{{ nam".Length;

        public async Task OpenAsync()
        {
            await server.SendAsync("textDocument/didOpen", new { textDocument = new { uri, languageId = "vmlang", version = 1, text } });
            await server.WaitForDiagnosticsAsync(uri, 1);
        }

        /// <summary><paramref name="edits"/> timed keystrokes after ten that warm up, <paramref name="pause"/> ms apart.</summary>
        public async Task<(List<double> Diagnostics, Dictionary<string, List<double>> Requests)> TypeAsync(int edits, int pause, bool withRequests)
        {
            var diagnostics = new List<double>();
            var requests = RequestMethods.ToDictionary(m => m, _ => new List<double>());
            for (var i = 0; i < edits + 10; i++)
            {
                var watch = Stopwatch.StartNew();
                var (published, caret) = await EditAsync();
                Task<double>? request = withRequests ? TimedRequestAsync(RequestMethods[i % RequestMethods.Length], caret) : null;
                await published;
                var elapsed = watch.Elapsed.TotalMilliseconds;
                var requestElapsed = request is null ? 0 : await request;
                if (i >= 10) // the first ten warm the JIT up
                {
                    diagnostics.Add(elapsed);
                    if (request is not null) requests[RequestMethods[i % RequestMethods.Length]].Add(requestElapsed);
                }
                if (pause > 0) await Task.Delay(pause);
            }
            return (diagnostics, requests);
        }

        /// <summary>Edits back to back, each waiting for its diagnostics; every <paramref name="requestEvery"/>th is followed by a request.</summary>
        public async Task EditBurstAsync(int edits, int requestEvery)
        {
            for (var i = 0; i < edits; i++)
            {
                var (published, caret) = await EditAsync();
                if (++_requestsSent % requestEvery == 0) await TimedRequestAsync(RequestMethods[_requestsSent / requestEvery % RequestMethods.Length], caret);
                await published;
            }
        }

        /// <summary>Sends the next edit; returns when its diagnostics are published and where the caret is after it.</summary>
        private async Task<(Task Published, int Caret)> EditAsync()
        {
            var version = server.NextVersion();
            var insert = version % 2 == 0;
            var column = HoleColumn;
            var change = insert
                ? new { range = Range(_holeLine, column, _holeLine, column), text = "e" }
                : new { range = Range(_holeLine, column, _holeLine, column + 1), text = "" };
            var published = server.WaitForDiagnosticsAsync(uri, version);
            await server.SendAsync("textDocument/didChange", new { textDocument = new { uri, version }, contentChanges = new[] { change } });
            return (published, insert ? column + 1 : column);
        }

        private async Task<double> TimedRequestAsync(string method, int caret)
        {
            object parameters = method switch
            {
                // On the slot name "prospect" of the edited line: a symbol, so the hover describes the slot.
                "textDocument/hover" => new { textDocument = new { uri }, position = new { line = _holeLine, character = _holeLineText.IndexOf("prospect", StringComparison.Ordinal) + 2 } },
                // At the caret after the keystroke, inside the hole: the template's slots are offered.
                "textDocument/completion" => new { textDocument = new { uri }, position = new { line = _holeLine, character = caret }, context = new { triggerKind = 1 } },
                _ when deltaTokens && _tokensResultId is { } previous => new { textDocument = new { uri }, previousResultId = previous },
                _ => new { textDocument = new { uri } },
            };
            var sent = method == RequestMethods[2] && deltaTokens && _tokensResultId is not null ? method + "/delta" : method;
            var watch = Stopwatch.StartNew();
            var result = await server.RequestAsync(sent, parameters);
            var elapsed = watch.Elapsed.TotalMilliseconds;
            if (method == RequestMethods[2] && result.ValueKind == JsonValueKind.Object && result.TryGetProperty("resultId", out var id)) _tokensResultId = id.GetString();
            method = sent;
            if (!_answerSizes.ContainsKey(method)) _answerSizes[method] = Describe(method, result);
            return elapsed;
        }

        private static string Describe(string method, JsonElement result) => method switch
        {
            _ when result.ValueKind != JsonValueKind.Object => "null",
            "textDocument/hover" => $"{result.GetProperty("contents").GetProperty("value").GetString()!.Length} chars",
            "textDocument/completion" => $"{result.GetProperty("items").GetArrayLength()} items",
            _ when result.TryGetProperty("edits", out var edits) => $"{edits.GetArrayLength()} edit(s) of {edits.EnumerateArray().Sum(e => e.TryGetProperty("data", out var data) ? data.GetArrayLength() : 0)} integers",
            _ => $"{result.GetProperty("data").GetArrayLength() / 5} tokens",
        };
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

                {{{StandardSlots.Lines}}}
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
}
