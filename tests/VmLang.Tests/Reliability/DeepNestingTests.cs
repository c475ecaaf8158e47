using System.Text.Json;
using VmLang.LanguageServer.Protocol;
using VmLang.Syntax;
using VmLang.Tests.Cli;
using VmLang.Tests.LanguageServer;

namespace VmLang.Tests.Reliability;

/// <summary>
/// Issue 12, rows 1–3 (spec §7, VML0004): nesting never kills the process. Before the depth guard, the
/// walks of the bound tree recursed once per level and 40,000 levels overflowed the stack, which no
/// handler can catch: these tests then took the whole test host down.
/// </summary>
public class DeepNestingTests
{
    private const int Hostile = 100_000;

    [Fact]
    public void A_thousand_levels_of_if_are_accepted()
    {
        var diagnostics = Compilation.Create([SyntaxTree.Parse(DeepNesting.Template(SayLimit), "deep.vml")]).GetDiagnostics();
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void One_level_more_is_one_VML0004_at_the_first_if_past_the_limit()
    {
        var tree = SyntaxTree.Parse(DeepNesting.Template(SayLimit + 1), "deep.vml");
        var error = Assert.Single(Compilation.Create([tree]).GetDiagnostics());
        Assert.Equal("VML0004", error.Code);
        var (line, column) = DeepNesting.IfPosition(SayLimit + 1);
        Assert.Equal((line, column), (error.Location.LineSpan.Start.Line + 1, error.Location.LineSpan.Start.Character + 1));
    }

    [Fact]
    public void Check_reports_100000_levels_once_and_exits_1()
    {
        using var workspace = new TempFolder(("deep.vml", DeepNesting.Template(Hostile)));
        var root = workspace.Path;
        var result = CliRunner.Run("check", root);
        Assert.Equal(1, result.ExitCode);
        var (line, column) = DeepNesting.IfPosition(SayLimit + 1);
        var only = Assert.Single(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.EndsWith($"/deep.vml({line},{column}): error VML0004: Nested too deeply: more than 1000 levels of 'if'; the compiler does not look deeper.", only);
    }

    [Fact]
    public void Fmt_handles_100000_levels_and_keeps_the_file()
    {
        var text = DeepNesting.Template(Hostile);
        using var workspace = new TempFolder(("deep.vml", text));
        var root = workspace.Path;
        var result = CliRunner.Run("fmt", root);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(text, File.ReadAllText(Path.Combine(root, "deep.vml")));
    }

    [Fact]
    public void Render_of_100000_levels_is_refused_with_VML0004()
    {
        using var workspace = new TempFolder(
            ("deep.vml", DeepNesting.Template(Hostile)),
            ("data.csv", "prospect,rep,firm,pain,outcome,when,number,referrer\nDana Reyes,Sam,Northwind,your bills grew,cut them,Thursday,817 224 9900,Ann\n"));
        var root = workspace.Path;
        var result = CliRunner.Run("render", Path.Combine(root, "deep.vml"), "--template", "deep", "--data", Path.Combine(root, "data.csv"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error VML0004: Nested too deeply", result.Stderr);
        Assert.Contains("template 'deep' has errors; nothing was rendered.", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task The_server_survives_100000_levels_on_disk_and_in_an_open_document()
    {
        var text = DeepNesting.Template(Hostile);
        await using var session = await LspTestClient.StartServerAsync(new Dictionary<string, string> { ["deep.vml"] = text }, copyExamples: false);
        var uri = session.UriOf("deep.vml");
        await session.OpenAsync(uri, text);
        var diagnostics = await session.WaitForDiagnosticsAsync(uri, LspTestClient.Has("VML0004"));
        Assert.Equal("VML0004", Assert.Single(diagnostics).GetProperty("code").GetString());

        // Every feature that walks the document still answers.
        var (line, column) = DeepNesting.IfPosition(Hostile / 2);
        await session.ResultAsync(LspMethods.TextDocumentHover, LspTestClient.Position(uri, line - 1, column + 8));
        foreach (var method in new[] { LspMethods.TextDocumentDocumentSymbol, LspMethods.TextDocumentFoldingRange, LspMethods.TextDocumentSemanticTokensFull, LspMethods.TextDocumentCodeLens })
        {
            var result = await session.ResultAsync(method, LspTestClient.DocumentParams(uri));
            Assert.NotEqual(JsonValueKind.Undefined, result.ValueKind);
        }
        var edits = await session.ResultAsync(LspMethods.TextDocumentFormatting, LspTestClient.DocumentParams(uri, "\"options\":{\"tabSize\":2,\"insertSpaces\":true}"));
        Assert.True(edits.ValueKind is JsonValueKind.Null or JsonValueKind.Array);
    }

    private const int SayLimit = VmLang.Binding.SayBinder.MaxIfDepth;
}
