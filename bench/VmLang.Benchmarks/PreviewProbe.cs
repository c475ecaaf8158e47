using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using VmLang.Emit;
using VmLang.Rendering;
using VmLang.LanguageServer.Documents;
using VmLang.LanguageServer.Handlers;
using VmLang.LanguageServer.Protocol;
using VmLang.LanguageServer.Workspace;
using VmLang.Rules;

namespace VmLang.Benchmarks;

/// <summary>
/// <c>preview-probe [PHRASES] [ROWS] [EDITS] [sent|known]</c>: what one <c>vmlang/preview</c> costs while the writer types, in
/// this process. The check workspace (<see cref="CheckWorkspace"/>, 1 MB, a ruleset of PHRASES phrases every
/// template uses) with a data file of ROWS prospects; each round edits the previewed template in the editor,
/// computes the diagnostics (the extension asks for the preview when they are published), then times the whole
/// preview and its parts apart: lowering the template, building the row checker (its phrase automaton), reading
/// the data, rendering and checking a row, and the response's JSON. Medians and p95 of the thread's CPU time.
/// <c>known</c> asks as the extension does, with the row list's key from the previous response, so the list is
/// left out; <c>sent</c> (the default) asks without one, as a client that does not keep the list.
/// </summary>
public static class PreviewProbe
{
    public static int Run(string[] args)
    {
        int Arg(int at, int otherwise) => args.Length > at ? int.Parse(args[at], CultureInfo.InvariantCulture) : otherwise;
        var phrases = Arg(0, 1000);
        var rows = Arg(1, 1000);
        var edits = Arg(2, 200);
        var known = args.Length > 3 && args[3] == "known";
        var folder = Path.Combine(Path.GetTempPath(), "vmlang-preview-probe");
        CheckWorkspace.Write(folder, 1024 * 1024, phrases);
        File.WriteAllBytes(Path.Combine(folder, "prospects.csv"), ProspectData.Csv(rows));
        var path = Path.Combine(folder, "templates", "f000.vml");
        var uri = DocumentUri.FromLocalPath(path);

        var workspace = new ServerWorkspace(TextWriter.Null);
        workspace.Load([folder]);
        var text = File.ReadAllText(path);
        workspace.Open(new DidOpenTextDocumentParams { TextDocument = new TextDocumentItem { Uri = uri, LanguageId = "vmlang", Version = 1, Text = text } });
        var preview = new PreviewHandler(workspace);
        var request = new PreviewParams { TextDocument = new TextDocumentIdentifier { Uri = uri }, Template = "t0_1", DataPath = "prospects.csv", Row = 2 };
        // The edit: a letter typed and taken out again in the say block of t0_1.
        var hole = text.IndexOf("template t0_1 ", StringComparison.Ordinal);
        hole = text.IndexOf("this is {{ rep }}", hole, StringComparison.Ordinal) + "this".Length;
        var position = workspace.Current.Compilation.GetSyntaxTree(path)!.Text.GetLinePosition(hole);

        var cpu = new Dictionary<string, List<double>>();
        var allocated = new List<double>();
        for (var i = 0; i < edits + 20; i++)
        {
            var measured = i >= 20; // the first twenty warm the JIT up
            var range = new VmLang.LanguageServer.Protocol.Range(new Position(position.Line, position.Character), new Position(position.Line, position.Character + (i % 2 == 0 ? 0 : 1)));
            workspace.Change(new DidChangeTextDocumentParams
            {
                TextDocument = new VersionedTextDocumentIdentifier { Uri = uri, Version = i + 2 },
                ContentChanges = [new TextDocumentContentChangeEvent { Range = range, Text = i % 2 == 0 ? "s" : "" }],
            });
            var start = ThreadCpu.Milliseconds();
            void Step(string name)
            {
                var now = ThreadCpu.Milliseconds();
                if (measured) (cpu.TryGetValue(name, out var list) ? list : cpu[name] = []).Add(now - start);
                start = now;
            }
            var compilation = workspace.Current.Compilation;
            _ = compilation.GetDiagnostics();
            Step("diagnostics of the edit (before the preview)");
            var template = compilation.GetTemplate("t0_1")!;
            var before = GC.GetAllocatedBytesForCurrentThread();
            var result = preview.Render(request, DocumentContext.Find(workspace, uri)!).Result;
            if (known) request = request with { KnownRowsKey = result.RowsKey };
            Step("preview (whole)");
            var json = JsonSerializer.SerializeToUtf8Bytes(result, LspJsonContext.Default.PreviewResult);
            Step("  response JSON");
            if (measured) allocated.Add(GC.GetAllocatedBytesForCurrentThread() - before);

            // The parts, apart.
            var renderer = ScriptRenderer.Create(template);
            Step("  ScriptRenderer.Create");
            _ = PhraseChecker.Create(compilation);
            Step("  PhraseChecker.Create (the compilation's)");
            _ = PhraseChecker.Create(compilation.Configuration, compilation.Rulesets, []);
            Step("  phrase automaton built afresh");
            var checker = new RowChecker(compilation, template);
            Step("  new RowChecker (incl. both above)");
            var data = new PreviewData().Read(Path.Combine(folder, "prospects.csv"), PreviewResult.MaximumRows);
            Step("  data read (uncached)");
            var row = (DataRow)data.Records[1];
            _ = renderer.Render(new SlotValues(template, row.Values));
            Step("  render a row");
            _ = checker.Check(row.Values);
            Step("  check a row");
            if (i == edits + 19) Console.WriteLine($"response {json.Length:N0} bytes ({result.Rows?.Count.ToString(CultureInfo.InvariantCulture) ?? "no"} rows listed); script {result.Script?.Length} chars; {result.Warnings.Count} warnings, {result.Rejections.Count} rejections");
        }

        Console.WriteLine($"{phrases} phrases, {rows} rows, {edits} edits; thread CPU ms per preview (median / p95):");
        foreach (var (name, values) in cpu)
        {
            values.Sort();
            Console.WriteLine($"  {name,-40} {Percentile(values, 0.5),8:F3} {Percentile(values, 0.95),8:F3}");
        }
        allocated.Sort();
        Console.WriteLine($"  allocated per preview + JSON: {Percentile(allocated, 0.5) / 1024:N0} KB");
        return 0;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
}
