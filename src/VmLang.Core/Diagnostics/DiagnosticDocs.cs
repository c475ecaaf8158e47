using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace VmLang.Diagnostics;

/// <summary>
/// A diagnostic's documentation page (docs/diagnostics/VMLxxxx.md, embedded in this assembly): the
/// text behind <c>vmlang explain</c>, SARIF help and editor hovers. Its examples are compiled by tests.
/// </summary>
public sealed record DiagnosticDoc(
    string Code,
    string Title,
    string DefaultSeverity,
    string Why,
    string BadExample,
    string GoodExample,
    string ExampleLanguage,
    string Markdown);

public static partial class DiagnosticDocs
{
    private const string ResourcePrefix = "docs/diagnostics/";

    private static readonly Lazy<FrozenDictionary<string, DiagnosticDoc>> Docs = new(LoadEmbedded);

    public static IReadOnlyCollection<DiagnosticDoc> All => Docs.Value.Values;

    public static DiagnosticDoc? Find(string code) => Docs.Value.GetValueOrDefault(code.ToUpperInvariant());

    public static DiagnosticDoc Parse(string code, string markdown)
    {
        var title = HeadingPattern().Match(markdown) is { Success: true } heading ? heading.Groups["title"].Value.Trim() : code;
        var severity = SeverityPattern().Match(markdown) is { Success: true } s ? s.Groups["severity"].Value : "";
        var why = Section(markdown, "Why");
        var (badLanguage, bad) = FencedBlock(Section(markdown, "Bad"));
        var (_, good) = FencedBlock(Section(markdown, "Good"));
        return new DiagnosticDoc(code, title, severity, why, bad, good, badLanguage, markdown);
    }

    private static FrozenDictionary<string, DiagnosticDoc> LoadEmbedded()
    {
        var assembly = typeof(DiagnosticDocs).Assembly;
        var docs = new Dictionary<string, DiagnosticDoc>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var code = Path.GetFileNameWithoutExtension(name);
            if (!code.StartsWith("VML", StringComparison.Ordinal)) continue;
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            docs[code] = Parse(code, reader.ReadToEnd());
        }
        return docs.ToFrozenDictionary();
    }

    // The pages are the product's own embedded text, not user input; the timeout only bounds a bad edit to them.
    private const int TrustedTextTimeoutMilliseconds = 2000;
    private static readonly TimeSpan TrustedTextTimeout = TimeSpan.FromMilliseconds(TrustedTextTimeoutMilliseconds);

    /// <summary>The text under <c>## name</c> up to the next heading of that level.</summary>
    private static string Section(string markdown, string name)
    {
        var match = Regex.Match(markdown, $@"^## {name}[ \t]*\r?\n(?<body>.*?)(?=^## |\z)", RegexOptions.Multiline | RegexOptions.Singleline, TrustedTextTimeout);
        return match.Success ? match.Groups["body"].Value.Trim() : "";
    }

    private static (string Language, string Code) FencedBlock(string section)
    {
        var match = FencePattern().Match(section);
        return match.Success ? (match.Groups["lang"].Value, match.Groups["code"].Value.Replace("\r\n", "\n")) : ("", "");
    }

    [GeneratedRegex(@"^# VML\d{4}:\s*(?<title>.+)$", RegexOptions.Multiline, TrustedTextTimeoutMilliseconds)]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"^Default severity:\s*(?<severity>\w+)", RegexOptions.Multiline, TrustedTextTimeoutMilliseconds)]
    private static partial Regex SeverityPattern();

    [GeneratedRegex(@"```(?<lang>\w*)[ \t]*\r?\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline, TrustedTextTimeoutMilliseconds)]
    private static partial Regex FencePattern();
}
