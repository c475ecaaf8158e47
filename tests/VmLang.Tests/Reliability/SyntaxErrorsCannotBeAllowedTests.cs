using System.Text;
using VmLang.LanguageServer.Protocol;
using VmLang.Syntax;
using VmLang.Tests.LanguageServer;
using VmLang.Text;

namespace VmLang.Tests.Reliability;

/// <summary>
/// Issue 12, item 8 (spec §7): syntax and file errors (VML0001–VML0005) cannot be allowed away. Before,
/// <c>allow VML0001</c> hid the template's syntax error, so <c>check</c> passed and <c>render</c> rendered it.
/// </summary>
public class SyntaxErrorsCannotBeAllowedTests
{
    private static readonly string Template = File.ReadAllText(TestPaths.Example("front_desk.vml"));

    [Theory]
    [InlineData("VML0001")]
    [InlineData("VML0003")]
    [InlineData("VML0005")]
    public void Allowing_a_syntax_or_file_error_has_no_effect_and_is_VML0111(string code)
    {
        // One of each inside the template: VML0003 ($), VML0001 (a second role), VML0005 (é in Latin-1).
        var text = Template.Replace("{\n", $"{{\n  allow {code} because \"we know\"\n", StringComparison.Ordinal)
            .Replace("slot number", "slot $ number", StringComparison.Ordinal)
            .Replace(": caller", ": caller caller", StringComparison.Ordinal)
            .Replace("Hi,", "Hi, caf\u00e9,", StringComparison.Ordinal);
        var tree = SyntaxTree.Parse(SourceDecoder.Decode(Encoding.Latin1.GetBytes(text)), "t.vml");
        var diagnostics = Compilation.Create([tree]).GetDiagnostics();
        Assert.Contains(diagnostics, d => d.Code == code);
        var unused = Assert.Single(diagnostics, d => d.Code == "VML0111");
        Assert.Contains($"'allow {code}' suppresses nothing", unused.Message);
    }

    [Fact]
    public async Task Completion_after_allow_does_not_offer_them()
    {
        await using var session = await LspTestClient.StartServerAsync(copyExamples: false);
        const string uri = "untitled:allow";
        await session.OpenAsync(uri, "template t for voicemail {\n  allow \n}\n");
        var result = await session.ResultAsync(LspMethods.TextDocumentCompletion, LspTestClient.Position(uri, 1, 8));
        var labels = result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("label").GetString()).ToList();
        Assert.Contains("VML0203", labels);
        Assert.DoesNotContain(labels, label => label is "VML0001" or "VML0002" or "VML0003" or "VML0004" or "VML0005");
    }
}
