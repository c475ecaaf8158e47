using System.Text;

namespace VmLang.Tests.Cli;

/// <summary>
/// <c>render --jobs N</c> (spec §9): rows render in parallel and every output — stdout, files, the
/// rejects CSV, messages and totals — is byte-identical to <c>--jobs 1</c>.
/// </summary>
public class RenderParallelTests
{
    private const int Rows = 2_000;

    /// <summary>Good rows, blank values, short numbers, a banned phrase, over-long rows, ragged rows and stray quotes, mixed.</summary>
    private static string CsvData()
    {
        var csv = new StringBuilder("prospect,rep,pain,outcome,when,number,referrer\n");
        for (var i = 1; i <= Rows; i++)
        {
            var pain = (i % 7) switch
            {
                0 => "",
                1 => "It's personal",
                2 => string.Join(' ', Enumerable.Repeat("your volume grew", 20)),
                _ => $"Your volume grew {i}%",
            };
            var number = i % 11 == 0 ? "555-12" : $"(817) 224-{i % 10000:D4}";
            csv.Append(i % 97 == 0 ? $"Row{i},only two\n" : i % 89 == 0 ? $"Da\"na {i},Sam,x,y,z,8172249900,\n" : $"Dana Reyes {i},Sam Ortiz,{pain},cut hold times,on Thursday,\"{number}\",{(i % 3 == 0 ? "Priya" : "")}\n");
        }
        return csv.ToString();
    }

    /// <summary>JSON Lines whose keys appear late, so unknown-column warnings and rejects columns grow mid-run.</summary>
    private static string JsonLinesData()
    {
        var lines = new StringBuilder();
        for (var i = 1; i <= Rows; i++)
        {
            var extra = i > 1_000 ? $",\"shoe_size_{i / 500}\":\"{i}\"" : "";
            var pain = i % 5 == 0 ? "" : $"Your volume grew {i}%";
            lines.Append($"{{\"prospect\":\"Lee {i}\",\"rep\":\"Sam\",\"pain\":\"{pain}\",\"outcome\":\"cut waits\",\"when\":\"Friday\",\"number\":\"8172249900\"{extra}}}\n");
            if (i % 400 == 0) lines.Append("{not json\n");
        }
        return lines.ToString();
    }

    [Theory]
    [InlineData("data.csv", "text")]
    [InlineData("data.csv", "jsonl")]
    [InlineData("data.csv", "ssml")]
    [InlineData("data.csv", "md")]
    [InlineData("data.jsonl", "text")]
    public void Every_output_of_a_parallel_run_is_byte_identical_to_one_thread(string dataName, string format)
    {
        var data = dataName.EndsWith(".csv", StringComparison.Ordinal) ? CsvData() : JsonLinesData();
        var one = RunIn(data, dataName, format, jobs: 1);
        var many = RunIn(data, dataName, format, jobs: 4);

        Assert.Equal(one.Result.ExitCode, many.Result.ExitCode);
        Assert.Equal(one.Result.Stdout, many.Result.Stdout);
        Assert.Equal(one.Result.Stderr, many.Result.Stderr);
        Assert.Equal(one.Rejects, many.Rejects);
        Assert.Contains("rejected: ", one.Result.Stderr);
        Assert.Contains("warning", one.Result.Stderr);
        Assert.True(one.Result.Stdout.Length > 100_000, "the run rendered many rows");
    }

    [Fact]
    public void Files_written_to_an_out_folder_are_the_same_for_any_number_of_jobs()
    {
        var one = RunIn(CsvData(), "data.csv", "ssml", jobs: 1, toFolder: true);
        var many = RunIn(CsvData(), "data.csv", "ssml", jobs: 3, toFolder: true);

        Assert.Equal(one.Result.Stderr, many.Result.Stderr);
        Assert.Equal(one.Files.Keys, many.Files.Keys);
        Assert.True(one.Files.Count > 1_000);
        foreach (var (name, content) in one.Files) Assert.Equal(content, many.Files[name]);
    }

    [Fact]
    public void Jobs_must_be_at_least_one()
    {
        using var workspace = new TempFolder(("t.vml", File.ReadAllText(TestPaths.Example("first_touch.vml"))), ("d.csv", "prospect\n"));
        var root = workspace.Path;
        var result = CliRunner.Run("render", Path.Combine(root, "t.vml"), "--template", "first_touch", "--data", Path.Combine(root, "d.csv"), "--jobs", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--jobs must be at least 1", result.Stderr);
    }

    private static (CliResult Result, string Rejects, SortedDictionary<string, string> Files) RunIn(string data, string dataName, string format, int jobs, bool toFolder = false)
    {
        using var workspace = new TempFolder(
            ("house.vml", File.ReadAllText(TestPaths.Example("house.vml"))),
            ("first_touch.vml", File.ReadAllText(TestPaths.Example("first_touch.vml"))),
            (dataName, data));
        var root = workspace.Path;
        var outDir = Path.Combine(root, "out");
        string[] args =
        [
            "render", Path.Combine(root, "first_touch.vml"), "--template", "first_touch", "--data", Path.Combine(root, dataName),
            "--format", format, "--rejects", Path.Combine(root, "rejects.csv"), "--jobs", jobs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            .. toFolder ? new[] { "--out", outDir } : [],
        ];
        var result = CliRunner.Run(args);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (toFolder)
        {
            foreach (var file in Directory.GetFiles(outDir)) files[Path.GetFileName(file)] = File.ReadAllText(file);
        }
        var normalized = result with { Stderr = result.Stderr.Replace(root, "<root>", StringComparison.Ordinal) };
        return (normalized, File.ReadAllText(Path.Combine(root, "rejects.csv")), files);
    }
}
