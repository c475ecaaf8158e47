using System.Text.RegularExpressions;

namespace VmLang.Tests.Docs;

/// <summary>One page of docs/diagnostics, read in the exact format that <c>vmlang explain</c> relies on.</summary>
internal sealed partial record DiagnosticPage(string Code, string Title, string Severity, string Why, string ExampleLanguage, string Bad, string Good)
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Folder { get; } = Path.Combine(RepositoryRoot, "docs", "diagnostics");

    public static DiagnosticPage Read(string code)
    {
        string text = File.ReadAllText(Path.Combine(Folder, code + ".md")).ReplaceLineEndings("\n");
        var match = PageFormat().Match(text);
        Assert.True(match.Success, $"{code}.md does not follow the page format.");
        Assert.Equal(match.Groups["badLanguage"].Value, match.Groups["goodLanguage"].Value);
        return new DiagnosticPage(
            match.Groups["code"].Value,
            match.Groups["title"].Value,
            match.Groups["severity"].Value,
            match.Groups["why"].Value,
            match.Groups["badLanguage"].Value,
            match.Groups["bad"].Value,
            match.Groups["good"].Value);
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "VmLang.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("VmLang.sln not found above the test output folder.");
    }

    [GeneratedRegex(
        """
        \A\#\ (?<code>VML\d{4}):\ (?<title>[^\n]+)\n
        \n
        Default\ severity:\ (?<severity>error|warning|info)\n
        \n
        \#\#\ Why\n
        \n
        (?<why>[^\n]+)\n
        \n
        \#\#\ Bad\n
        \n
        ```(?<badLanguage>vml|json)\n(?<bad>.*?)```\n
        \n
        \#\#\ Good\n
        \n
        ```(?<goodLanguage>vml|json)\n(?<good>.*?)```\n\z
        """,
        RegexOptions.IgnorePatternWhitespace | RegexOptions.Singleline)]
    private static partial Regex PageFormat();
}
