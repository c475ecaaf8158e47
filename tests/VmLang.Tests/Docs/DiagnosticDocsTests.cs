using System.Text.Json;
using System.Text.RegularExpressions;
using VmLang.Diagnostics;
using VmLang.Rules.Phrases;

namespace VmLang.Tests.Docs;

public sealed partial class DiagnosticDocsTests
{
    private static readonly string Folder = Path.Combine(TestPaths.RepositoryRoot, "docs", "diagnostics");

    // Spec §7: every diagnostic code with its default severity (VML1100's is the ruleset's, warning by default).
    private static readonly (string Code, string Severity)[] SpecCodes =
    [
        ("VML0001", "error"), ("VML0002", "error"), ("VML0003", "error"), ("VML0004", "error"), ("VML0005", "error"),
        ("VML0101", "error"), ("VML0102", "error"), ("VML0103", "error"), ("VML0104", "error"),
        ("VML0105", "error"), ("VML0106", "error"), ("VML0107", "error"), ("VML0108", "error"),
        ("VML0109", "error"), ("VML0110", "warning"), ("VML0111", "info"),
        ("VML0201", "error"), ("VML0202", "error"), ("VML0203", "info"), ("VML0204", "warning"),
        ("VML0205", "info"), ("VML0206", "warning"), ("VML0207", "warning"), ("VML0208", "warning"),
        ("VML0301", "error"),
        ("VML1001", "error"), ("VML1002", "warning"), ("VML1003", "warning"), ("VML1004", "warning"),
        ("VML1005", "warning"), ("VML1100", "warning"),
    ];

    // Spec §7: the built-in phrase rules.
    private static readonly PhraseMatcher<string> BuiltInPhrases = new(
    [
        ("it's personal", "VML1001"), ("it is personal", "VML1001"), ("personal matter", "VML1001"),
        ("please call me back", "VML1002"), ("please give me a call back", "VML1002"),
        ("please return my call", "VML1002"), ("I'd appreciate it if you'd return my call", "VML1002"),
        ("call me back at your earliest convenience", "VML1002"),
        ("I'm calling to introduce myself", "VML1003"), ("I'd like to introduce myself", "VML1003"),
        ("I'd like to tell you about my services", "VML1003"), ("just calling to see if you need", "VML1003"),
        ("just checking in", "VML1004"), ("touching base", "VML1004"), ("just following up", "VML1004"),
        ("sorry to bother you", "VML1004"),
        ("buy now", "VML1005"), ("act now", "VML1005"), ("limited time offer", "VML1005"),
        ("special discount", "VML1005"),
    ]);

    public static TheoryData<string, string> CodesAndSeverities
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (code, severity) in SpecCodes)
            {
                data.Add(code, severity);
            }

            return data;
        }
    }

    public static TheoryData<string> Codes
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var (code, _) in SpecCodes)
            {
                data.Add(code);
            }

            return data;
        }
    }

    public static TheoryData<string> PhraseRuleCodes => ["VML1001", "VML1002", "VML1003", "VML1004", "VML1005"];

    [Theory]
    [MemberData(nameof(CodesAndSeverities))]
    public void Each_code_has_a_page_with_its_default_severity_and_a_short_title(string code, string severity)
    {
        var page = Read(code);

        Assert.Equal(severity, page.DefaultSeverity);
        Assert.InRange(page.Title.Split(' ').Length, 1, 6);
        Assert.Equal(code == "VML0301" ? "json" : "vml", page.ExampleLanguage);
    }

    // The product's parser is lenient; the pages keep one layout, so what it reads, laid out again, is the page.
    [Theory]
    [MemberData(nameof(Codes))]
    public void Each_page_is_laid_out_as_explain_shows_it(string code)
    {
        var page = Read(code);

        Assert.DoesNotContain('\n', page.Why);
        Assert.Equal(File.ReadAllText(PathOf(code)).ReplaceLineEndings("\n"), Layout(page));
    }

    [Fact]
    public void The_folder_holds_one_page_per_code_and_no_other()
        => Assert.Equal(
            SpecCodes.Select(entry => entry.Code),
            Directory.GetFiles(Folder, "VML*.md").Select(Path.GetFileNameWithoutExtension).Order());

    [Fact]
    public void The_readme_lists_every_page_with_its_severity_and_title()
    {
        string readme = File.ReadAllText(Path.Combine(Folder, "README.md"));

        var rows = ReadmeRow().Matches(readme)
            .Select(row => (row.Groups["code"].Value, row.Groups["link"].Value, row.Groups["severity"].Value, row.Groups["title"].Value));

        Assert.Equal(
            SpecCodes.Select(entry => Read(entry.Code))
                .Select(page => (page.Code, page.Code + ".md", page.DefaultSeverity, page.Title)),
            rows);
    }

    [Fact]
    public void The_schema_allows_exactly_the_codes_in_order()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "vmlang.schema.json")));
        var rules = schema.RootElement.GetProperty("properties").GetProperty("rules");

        var codes = SpecCodes.Select(entry => entry.Code);
        Assert.Equal(codes, rules.GetProperty("propertyNames").GetProperty("enum").EnumerateArray().Select(code => code.GetString()));
        Assert.Equal(codes, rules.GetProperty("properties").EnumerateObject().Select(property => property.Name));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Good_examples_say_no_built_in_phrase(string code)
    {
        var page = Read(code);

        Assert.Empty(FindBuiltInPhrases(page.GoodExample).Select(match => page.GoodExample[match.Start..match.End]));
    }

    [Theory]
    [MemberData(nameof(PhraseRuleCodes))]
    public void Bad_examples_of_phrase_rules_say_one_of_their_phrases(string code)
        => Assert.Contains(FindBuiltInPhrases(Read(code).BadExample), match => match.Payload == code);

    private static string PathOf(string code) => Path.Combine(Folder, code + ".md");

    /// <summary>The page in docs/diagnostics, read by the product's parser: the one behind <c>vmlang explain</c>, SARIF help and hovers.</summary>
    private static DiagnosticDoc Read(string code) => DiagnosticDocs.Parse(code, File.ReadAllText(PathOf(code)).ReplaceLineEndings("\n"));

    /// <summary>The one layout every page has; both examples are in one language.</summary>
    private static string Layout(DiagnosticDoc page) =>
        $"# {page.Code}: {page.Title}\n\nDefault severity: {page.DefaultSeverity}\n\n## Why\n\n{page.Why}\n\n" +
        $"## Bad\n\n```{page.ExampleLanguage}\n{page.BadExample}```\n\n## Good\n\n```{page.ExampleLanguage}\n{page.GoodExample}```\n";

    /// <summary>Scans the literal text of each <c>say</c> block, between its holes, as the compiler does.</summary>
    private static List<PhraseMatch<string>> FindBuiltInPhrases(string source)
    {
        var literalText = new List<(int Start, int Length)>();
        foreach (Match say in SayBlock().Matches(source))
        {
            var content = say.Groups["content"];
            int segmentStart = content.Index;
            foreach (Match hole in Hole().Matches(content.Value))
            {
                literalText.Add((segmentStart, content.Index + hole.Index - segmentStart));
                segmentStart = content.Index + hole.Index + hole.Length;
            }

            literalText.Add((segmentStart, content.Index + content.Length - segmentStart));
        }

        return [.. BuiltInPhrases.Find(source, literalText)];
    }

    [GeneratedRegex(@"^\| \[(?<code>VML\d{4})\]\((?<link>[^)]+)\) \| (?<severity>\w+) \| (?<title>.+) \|$", RegexOptions.Multiline)]
    private static partial Regex ReadmeRow();

    [GeneratedRegex("say \"\"\"\n(?<content>.*?)\n[ \t]*\"\"\"", RegexOptions.Singleline)]
    private static partial Regex SayBlock();

    [GeneratedRegex(@"\{\{.*?\}\}", RegexOptions.Singleline)]
    private static partial Regex Hole();
}
