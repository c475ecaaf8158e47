using System.Text.Json;
using VmLang.Diagnostics;

namespace VmLang.Cli.Output;

/// <summary>SARIF 2.1.0 with one rule entry per descriptor, so code-scanning tools can show titles and help.</summary>
internal sealed class SarifDiagnosticWriter : IDiagnosticWriter
{
    public void Write(IReadOnlyList<Diagnostic> diagnostics, TextWriter output)
    {
        var rules = DiagnosticDescriptors.All;
        var ruleIndex = new Dictionary<DiagnosticDescriptor, int>();
        for (var i = 0; i < rules.Count; i++) ruleIndex.TryAdd(rules[i], i);
        var paths = new DisplayPaths();
        using (var chunks = new ChunkedJson(output))
        {
            var json = chunks.Writer;
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "vmlang");
            json.WriteString("semanticVersion", typeof(SarifDiagnosticWriter).Assembly.GetName().Version?.ToString(3) ?? "1.0.0");
            json.WriteStartArray("rules");
            foreach (var rule in rules) WriteRule(json, rule);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("results");
            foreach (var diagnostic in diagnostics)
            {
                WriteResult(json, diagnostic, ruleIndex.GetValueOrDefault(diagnostic.Descriptor, -1), paths);
                chunks.MaybeFlush();
            }
            json.WriteEndArray();

            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            chunks.Complete();
        }
    }

    private static void WriteRule(Utf8JsonWriter json, DiagnosticDescriptor rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Code);
        json.WriteString("name", string.Concat(rule.Title.Split(' ').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..])));
        json.WriteStartObject("shortDescription");
        json.WriteString("text", rule.Title);
        json.WriteEndObject();
        if (DiagnosticDocs.Find(rule.Code) is { } doc)
        {
            json.WriteStartObject("fullDescription");
            json.WriteString("text", doc.Why);
            json.WriteEndObject();
            json.WriteStartObject("help");
            json.WriteString("text", doc.Why);
            json.WriteString("markdown", doc.Markdown);
            json.WriteEndObject();
        }
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(rule.DefaultSeverity));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Diagnostic diagnostic, int ruleIndex, DisplayPaths paths)
    {
        var span = diagnostic.Location.LineSpan;
        json.WriteStartObject();
        json.WriteString("ruleId", diagnostic.Code);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", Level(diagnostic.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", diagnostic.Message);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", Uri.EscapeDataString(paths.Get(diagnostic.Location.FilePath)).Replace("%2F", "/"));
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", span.Start.Line + 1);
        json.WriteNumber("startColumn", span.Start.Character + 1);
        json.WriteNumber("endLine", span.End.Line + 1);
        json.WriteNumber("endColumn", span.End.Character + 1);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };
}
