using System.Text.Json;
using System.Text.RegularExpressions;
using VmLang.Diagnostics;
using VmLang.Tests.Checking;

namespace VmLang.Tests.Docs;

/// <summary>The VS Code extension's snippets, expanded with their default placeholders, check clean.</summary>
public partial class EditorSnippetTests
{
    private static readonly string SnippetFile = Path.Combine(TestPaths.RepositoryRoot, "vscode-extension", "snippets", "vmlang.code-snippets");

    public static TheoryData<string> Snippets() => [.. Read().Keys];

    private static Dictionary<string, string> Read()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SnippetFile));
        return document.RootElement.EnumerateObject().ToDictionary(
            snippet => snippet.Name,
            snippet => Expand(string.Join('\n', snippet.Value.GetProperty("body").EnumerateArray().Select(line => line.GetString()))));
    }

    /// <summary>What the editor inserts when every placeholder keeps its default.</summary>
    private static string Expand(string body) => FinalTabStop().Replace(Placeholder().Replace(body, match => match.Groups["text"].Value), "");

    [Theory]
    [MemberData(nameof(Snippets))]
    public void A_snippet_with_its_defaults_checks_without_errors_or_warnings(string name)
    {
        var snippets = Read();
        // A sequence names templates: check it together with the template snippets it names.
        var files = name == "Sequence"
            ? [snippets[name], snippets["Voicemail template"], snippets["Voicemail template"].Replace("first_touch", "second_touch", StringComparison.Ordinal)]
            : new[] { snippets[name] };
        var diagnostics = Check.Diagnostics(files).Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning).ToList();
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics.Select(d => d.ToCanonicalString(d.Location.FilePath))));
    }

    [GeneratedRegex(@"\$\{\d+:(?<text>[^}]*)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\$0")]
    private static partial Regex FinalTabStop();
}
