using VmLang.Configuration;
using VmLang.Diagnostics;
using VmLang.Syntax;

namespace VmLang.Tests.Docs;

/// <summary>
/// The rule docs are tests: each bad example must make its code fire, each good example must be
/// clean, and the docs and the descriptor table must describe the same codes.
/// </summary>
public class DocExampleTests
{
    [Theory]
    [MemberData(nameof(EveryCode.InTheTable), MemberType = typeof(EveryCode))]
    public void Bad_example_fires_its_code(string code)
    {
        var doc = DocFor(code);
        Assert.NotEmpty(doc.BadExample);
        var diagnostics = Check(doc, doc.BadExample);
        Assert.True(diagnostics.Any(d => d.Code == code),
            $"{code}'s bad example does not fire it; it reports:\n{string.Join("\n", diagnostics.Select(d => d.ToCanonicalString("bad")))}");
    }

    [Theory]
    [MemberData(nameof(EveryCode.InTheTable), MemberType = typeof(EveryCode))]
    public void Good_example_is_clean(string code)
    {
        var doc = DocFor(code);
        Assert.NotEmpty(doc.GoodExample);
        var diagnostics = Check(doc, doc.GoodExample);
        Assert.True(diagnostics.Count == 0,
            $"{code}'s good example is not clean:\n{string.Join("\n", diagnostics.Select(d => d.ToCanonicalString("good")))}");
    }

    [Fact]
    public void Every_descriptor_has_an_embedded_doc_and_every_doc_a_descriptor()
    {
        var documented = DiagnosticDocs.All.Select(d => d.Code).Order().ToArray();
        var described = DiagnosticDescriptors.All.Select(d => d.Code).Order().ToArray();
        Assert.Equal(described, documented);
        var files = Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "docs", "diagnostics"), "VML*.md")
            .Select(Path.GetFileNameWithoutExtension).Order().ToArray();
        Assert.Equal(described, files);
    }

    [Theory]
    [MemberData(nameof(EveryCode.InTheTable), MemberType = typeof(EveryCode))]
    public void Doc_title_and_severity_match_the_descriptor(string code)
    {
        DiagnosticDescriptors.TryGet(code, out var descriptor);
        var doc = DocFor(code);
        Assert.Equal(descriptor.DefaultSeverity.ToText(), doc.DefaultSeverity);
        Assert.Equal(descriptor.Title, doc.Title);
    }

    private static DiagnosticDoc DocFor(string code) =>
        DiagnosticDocs.Find(code) ?? throw new Xunit.Sdk.XunitException($"docs/diagnostics/{code}.md is not embedded");

    private static List<Diagnostic> Check(DiagnosticDoc doc, string example)
    {
        if (doc.ExampleLanguage == "json")
        {
            var configuration = ConfigurationParser.Parse(example, "vmlang.json");
            return [.. Compilation.Create([], configuration).GetDiagnostics()];
        }
        // Examples are read from bytes as files are, in the encoding the example says it is saved in (VML0005).
        var bytes = example.StartsWith(SavedAsLatin1, StringComparison.Ordinal) ? System.Text.Encoding.Latin1.GetBytes(example) : System.Text.Encoding.UTF8.GetBytes(example);
        return [.. Compilation.Create([SyntaxTree.Parse(VmLang.Text.SourceDecoder.Decode(bytes), "example.vml")]).GetDiagnostics()];
    }

    private const string SavedAsLatin1 = "// This file is saved as Latin-1";
}
