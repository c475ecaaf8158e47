using System.Text.Json;
using System.Xml.Linq;

namespace VmLang.Tests.Cli;

public class RenderCommandTests
{
    private const string Header = "prospect,rep,pain,outcome,when,number,referrer";

    private static TempFolder Workspace(string data, string dataName = "data.csv")
    {
        var workspace = TempFolder.WithExamples("house.vml", "first_touch.vml");
        workspace.Write(dataName, data);
        return workspace;
    }

    private static CliResult Render(string root, params string[] extra) =>
        CliRunner.Run(["render", Path.Combine(root, "first_touch.vml"), "--template", "first_touch", .. extra]);

    [Fact]
    public void A_csv_header_without_rows_is_still_checked_against_the_template()
    {
        using var workspace = Workspace("prospect,rep\n");
        var root = workspace.Path;
        var result = Render(root, "--data", Path.Combine(root, "data.csv"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("has no column 'pain' for required slot 'pain' (reason)", result.Stderr);

        using var emptyFolder = Workspace("");
        var empty = emptyFolder.Path;
        Assert.Equal(0, Render(empty, "--data", Path.Combine(empty, "data.csv")).ExitCode);
    }

    [Fact]
    public void Data_piped_to_standard_input_is_read_with_its_format_told_from_the_first_character()
    {
        var csv = File.ReadAllText(TestPaths.Example("prospects.csv"));
        var fromCsv = CliRunner.RunWithInput(csv, "render", TestPaths.Example("first_touch.vml"), "--template", "first_touch", "--data", "-");
        Assert.Equal(1, fromCsv.ExitCode);
        Assert.Contains("Hi Dana, this is Sam Ortiz with Northwind Telecom.", fromCsv.Stdout);
        Assert.Contains("stdin(4): row 3: rejected: slot 'pain' (reason) is blank", fromCsv.Stderr);
        Assert.EndsWith("read 5, rendered 2, rejected 3", fromCsv.Stderr.Trim());

        var row = """{"prospect":"Dana Reyes","rep":"Sam Ortiz","referrer":"","pain":"your call volume grew","outcome":"cut hold times","when":"on Thursday","number":"817 224 9900"}""";
        var fromJsonArray = CliRunner.RunWithInput($"\n  [{row}]", "render", TestPaths.Example("first_touch.vml"), "--template", "first_touch", "--data", "-");
        Assert.Equal(0, fromJsonArray.ExitCode);
        Assert.EndsWith("read 1, rendered 1, rejected 0", fromJsonArray.Stderr.Trim());

        var fromJsonLines = CliRunner.RunWithInput($"{row}\n{row}\n", "render", TestPaths.Example("first_touch.vml"), "--template", "first_touch", "--data", "-");
        Assert.Equal(0, fromJsonLines.ExitCode);
        Assert.EndsWith("read 2, rendered 2, rejected 0", fromJsonLines.Stderr.Trim());
    }

    [Fact]
    public void A_format_named_for_standard_input_wins_over_its_first_character()
    {
        // Read as CSV, a JSON line is a header (with none of the template's columns); read as JSON Lines it would be a row.
        var row = """{"prospect":"Dana Reyes"}""";
        var result = CliRunner.RunWithInput(row + "\n", "render", TestPaths.Example("first_touch.vml"), "--template", "first_touch", "--data", "-", "--data-format", "csv");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("stdin has no column 'prospect'", result.Stderr);
    }

    [Fact]
    public void Bundled_example_renders_good_rows_and_names_every_bad_one()
    {
        var result = CliRunner.Run("render", TestPaths.Example("first_touch.vml"), "--template", "first_touch", "--data", TestPaths.Example("prospects.csv"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Hi Dana, this is Sam Ortiz with Northwind Telecom.", result.Stdout);
        Assert.Contains("row 3: rejected: slot 'pain' (reason) is blank", result.Stderr);
        Assert.Contains("row 4: rejected: slot 'number' (contact) has 5 digits", result.Stderr);
        Assert.Contains("row 5: rejected: VML1001", result.Stderr);
        Assert.EndsWith("read 5, rendered 2, rejected 3", result.Stderr.Trim());
        Assert.DoesNotContain("rejected", result.Stdout);
    }

    [Fact]
    public void All_good_rows_exit_0_and_jsonl_has_the_spec_fields()
    {
        using var workspace = Workspace($"{Header}\nDana Reyes,Sam Ortiz,Your volume grew,cut hold times,Thursday,(817) 224-9900,\n");
        var root = workspace.Path;
        var result = Render(root, "--data", Path.Combine(root, "data.csv"), "--format", "jsonl");
        Assert.Equal(0, result.ExitCode);
        var line = JsonDocument.Parse(result.Stdout.Trim()).RootElement;
        Assert.Equal(1, line.GetProperty("row").GetInt32());
        Assert.Equal("first_touch", line.GetProperty("template").GetString());
        Assert.Equal("Dana Reyes", line.GetProperty("prospect").GetString());
        Assert.StartsWith("Hi Dana, this is Sam Ortiz with Northwind Telecom.", line.GetProperty("script").GetString());
        Assert.True(line.GetProperty("seconds").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Array, line.GetProperty("warnings").ValueKind);
    }

    [Theory]
    [InlineData("data.json", """[{"prospect":"Dana Reyes","rep":"Sam","pain":"Volume grew","outcome":"cut waits","when":"Thursday","number":"817 224 9900"},{"prospect":"Bo","rep":"Sam","pain":"","outcome":"x","when":"y","number":"8172249900"}]""")]
    [InlineData("data.jsonl", "{\"PROSPECT\":\"Dana Reyes\",\"rep\":\"Sam\",\"pain\":\"Volume grew\",\"outcome\":\"cut waits\",\"when\":\"Thursday\",\"number\":\"817 224 9900\"}\n{\"prospect\":\"Bo\",\"rep\":\"Sam\",\"outcome\":\"x\",\"when\":\"y\",\"number\":\"8172249900\"}\n")]
    public void Json_and_json_lines_render_with_case_insensitive_keys(string name, string data)
    {
        using var workspace = Workspace(data, name);
        var root = workspace.Path;
        var result = Render(root, "--data", Path.Combine(root, name));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Hi Dana, this is Sam with Northwind Telecom.", result.Stdout);
        Assert.Contains("row 2: rejected: slot 'pain' (reason) is blank", result.Stderr);
        Assert.EndsWith("read 2, rendered 1, rejected 1", result.Stderr.Trim());
    }

    [Fact]
    public void Out_folder_gets_one_file_per_row_and_nothing_escapes_it()
    {
        using var workspace = Workspace($"{Header}\n../../etc/passwd,Sam,Volume grew,cut waits,Thursday,8172249900,\n\"<script>&\"\"\",Sam,Volume grew,cut waits,Thursday,8172249900,\n");
        var root = workspace.Path;
        var outDir = Path.Combine(root, "out");
        var result = Render(root, "--data", Path.Combine(root, "data.csv"), "--format", "ssml", "--out", outDir);
        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Stdout);
        var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".ssml", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, files.Count);
        Assert.All(files, f => Assert.Equal(outDir, Path.GetDirectoryName(f)));
        Assert.Contains(Path.Combine(outDir, "00001-etc-passwd.ssml"), files);
        var ssml = XDocument.Parse(File.ReadAllText(files.Single(f => f.Contains("00002"))));
        Assert.Equal("speak", ssml.Root!.Name.LocalName);
        Assert.Contains("<script>&\"", ssml.Root.Value);
        Assert.Equal("8172249900", ssml.Descendants("say-as").Single().Value);
    }

    [Fact]
    public void Rejects_file_lists_each_rejected_row_with_its_reason()
    {
        using var workspace = Workspace($"{Header}\nDana,Sam,,cut waits,Thursday,8172249900,\nBo,Sam,Volume,cut waits,Thursday,12,\n");
        var root = workspace.Path;
        var rejects = Path.Combine(root, "rejects.csv");
        var result = Render(root, "--data", Path.Combine(root, "data.csv"), "--rejects", rejects);
        Assert.Equal(1, result.ExitCode);
        var lines = File.ReadAllLines(rejects);
        Assert.Equal(Header + ",reason", lines[0].TrimStart('\uFEFF'));
        Assert.Equal(3, lines.Length);
        Assert.Contains("is blank", lines[1]);
        Assert.Contains("fewer than 7", lines[2]);
    }

    [Fact]
    public void Missing_column_for_a_required_slot_stops_before_any_row()
    {
        using var workspace = Workspace("prospect,rep,outcome,when,number\nDana,Sam,cut waits,Thursday,8172249900\n");
        var root = workspace.Path;
        var result = Render(root, "--data", Path.Combine(root, "data.csv"));
        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains("no column 'pain'", result.Stderr);
    }

    [Fact]
    public void Unknown_column_is_reported_once()
    {
        using var workspace = Workspace($"{Header},shoe_size\nDana,Sam,V,w,x,8172249900,,9\nBo,Sam,V,w,x,8172249900,,10\n");
        var root = workspace.Path;
        var result = Render(root, "--data", Path.Combine(root, "data.csv"));
        Assert.Equal(0, result.ExitCode);
        Assert.Single(result.Stderr.Split('\n'), l => l.Contains("shoe_size"));
    }

    [Fact]
    public void Template_with_errors_does_not_render()
    {
        using var workspace = new TempFolder(("t.vml", "template t for voicemail {\n  slot prospect : prospect\n  say \"\"\"\n    Hi {{ prospect }}.\n    \"\"\"\n}\n"),
            ("d.csv", "prospect\nDana\n"));
        var root = workspace.Path;
        var result = CliRunner.Run("render", Path.Combine(root, "t.vml"), "--template", "t", "--data", Path.Combine(root, "d.csv"));
        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains("error VML0201", result.Stderr);
    }

    [Fact]
    public void Over_budget_row_is_a_warning_and_still_rendered()
    {
        var longPain = string.Join(' ', Enumerable.Repeat("word", 60));
        using var workspace = Workspace($"{Header}\nDana,Sam,{longPain},cut waits,Thursday,8172249900,\n");
        var root = workspace.Path;
        var result = Render(root, "--data", Path.Combine(root, "data.csv"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("row 1: warning VML0204", result.Stderr);
        Assert.Contains(longPain, result.Stdout);
    }

    [Theory]
    [InlineData("--template", "nope")]
    [InlineData("--data", "missing.csv")]
    public void Unknown_template_or_missing_data_is_exit_2(string option, string value)
    {
        using var workspace = Workspace($"{Header}\n");
        var root = workspace.Path;
        var args = new List<string> { "render", Path.Combine(root, "first_touch.vml"), "--template", "first_touch", "--data", Path.Combine(root, "data.csv") };
        args[args.IndexOf(option) + 1] = option == "--data" ? Path.Combine(root, value) : value;
        var result = CliRunner.Run([.. args]);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("vmlang: ", result.Stderr);
    }
}
