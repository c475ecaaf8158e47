using System.Text.Json;

namespace VmLang.Tests.Cli;

public class CheckCommandTests
{
    [Fact]
    public void Bundled_examples_show_every_rule_family_and_exit_1()
    {
        var result = CliRunner.Run("check", Path.Combine(TestPaths.RepositoryRoot, "examples"));
        Assert.Equal(1, result.ExitCode);
        foreach (var code in new[] { "VML0201", "VML0202", "VML0203", "VML0204", "VML0205", "VML0206", "VML0207", "VML0208",
                                     "VML1001", "VML1002", "VML1003", "VML1004", "VML1005", "VML1100" })
        {
            Assert.Contains($" {code}: ", result.Stdout);
        }
        // The good examples are clean: every diagnostic comes from a file under bad_habits/.
        Assert.All(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.Contains("bad_habits/", line));
    }

    [Fact]
    public void Clean_workspace_exits_0_with_an_empty_json_array()
    {
        using var clean = TempFolder.WithCleanExamples();
        var result = CliRunner.Run("check", clean.Path, "--format", "json");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(result.Stdout).RootElement.ValueKind);
        Assert.Equal(0, JsonDocument.Parse(result.Stdout).RootElement.GetArrayLength());
    }

    [Fact]
    public void Json_format_has_one_based_positions_and_every_field()
    {
        using var workspace = new TempFolder(("a.vml", "ruleset r {\n  forbid \"x\" because \"y\"\n}\ntemplate t for voicemail {\n  use missing\n}\n"));
        var root = workspace.Path;
        var result = CliRunner.Run("check", root, "--format", "json");
        Assert.Equal(1, result.ExitCode);
        var items = JsonDocument.Parse(result.Stdout).RootElement.EnumerateArray().ToList();
        var unknownRuleset = items.Single(i => i.GetProperty("code").GetString() == "VML0104");
        Assert.EndsWith("a.vml", unknownRuleset.GetProperty("file").GetString());
        Assert.Equal(5, unknownRuleset.GetProperty("line").GetInt32());
        Assert.Equal(7, unknownRuleset.GetProperty("column").GetInt32());
        Assert.Equal(5, unknownRuleset.GetProperty("endLine").GetInt32());
        Assert.Equal(14, unknownRuleset.GetProperty("endColumn").GetInt32());
        Assert.Equal("error", unknownRuleset.GetProperty("severity").GetString());
        Assert.Contains("missing", unknownRuleset.GetProperty("message").GetString());
    }

    [Fact]
    public void Text_format_is_msbuild_canonical_and_ordered_by_file_line_column_code()
    {
        using var workspace = new TempFolder(
            ("b.vml", "template t for voicemail {\n  use nope\n}\n"),
            ("a.vml", "sequence s {\n  day 1 missing\n}\n"));
        var root = workspace.Path;
        var lines = CliRunner.Run("check", root).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^.*a\.vml\(2,9\): error VML0108: ", lines[0]);
        Assert.Matches(@"^.*b\.vml\(1,10\): error VML0107: ", lines[1]);
        var keys = lines.Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^(.*)\((\d+),(\d+)\): \w+ (VML\d+):"))
            .Select(m => (File: m.Groups[1].Value, Line: int.Parse(m.Groups[2].Value), Column: int.Parse(m.Groups[3].Value), Code: m.Groups[4].Value))
            .ToList();
        var sorted = keys.OrderBy(k => k.File, StringComparer.Ordinal).ThenBy(k => k.Line).ThenBy(k => k.Column).ThenBy(k => k.Code, StringComparer.Ordinal);
        Assert.Equal(sorted, keys);
    }

    [Fact]
    public void Warnings_fail_the_build_only_with_warnaserror()
    {
        using var workspace = TempFolder.WithCleanExamples();
        var root = workspace.Path;
        File.WriteAllText(Path.Combine(root, "rushed.vml"), "sequence rushed {\n  day 1 first_touch\n  day 2 second_touch\n}\n");
        var plain = CliRunner.Run("check", root);
        Assert.Equal(0, plain.ExitCode);
        Assert.Contains("warning VML0208", plain.Stdout);
        var strict = CliRunner.Run("check", root, "--warnaserror");
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("error VML0208", strict.Stdout);
    }

    [Fact]
    public void Msbuild_format_has_full_paths_end_positions_and_nothing_on_stderr()
    {
        using var workspace = new TempFolder(("a.vml", "template t for voicemail {\n  use nope\n}\n"));
        var root = workspace.Path;
        var result = CliRunner.Run("check", root, "--format", "msbuild");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{Path.Combine(root, "a.vml")}(2,7,2,11): error VML0104: There is no ruleset named 'nope'", result.Stdout);
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public void Root_option_names_the_folder_whose_vmlang_json_applies_to_the_files_given()
    {
        using var workspace = new TempFolder(
            ("vmlang.json", "{\n  \"colour\": \"red\"\n}\n"),
            ("sub/house.vml", File.ReadAllText(TestPaths.Example("house.vml"))));
        var root = workspace.Path;
        var file = Path.Combine(root, "sub", "house.vml");
        Assert.Equal(0, CliRunner.Run("check", file).ExitCode);
        var withRoot = CliRunner.Run("check", file, "--root", root, "--format", "msbuild");
        Assert.Equal(1, withRoot.ExitCode);
        Assert.Contains($"{Path.Combine(root, "vmlang.json")}(2,3,2,12): error VML0301: ", withRoot.Stdout);
        Assert.DoesNotContain("house.vml", withRoot.Stdout);
    }

    [Fact]
    public void Missing_root_is_exit_2_with_one_line()
    {
        using var clean = TempFolder.WithCleanExamples();
        var result = CliRunner.Run("check", clean.Path, "--root", "/no/such/folder");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("vmlang: root folder '/no/such/folder' does not exist", result.Stderr.Trim());
    }

    [Fact]
    public void Missing_path_is_exit_2_with_one_line_and_no_stack_trace()
    {
        var result = CliRunner.Run("check", "/no/such/folder");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("vmlang: path '/no/such/folder' does not exist", result.Stderr.Trim());
        Assert.Empty(result.Stdout);
    }

    [Theory]
    [InlineData("check", "--format", "xml")]
    [InlineData("check", "--bogus")]
    [InlineData("frobnicate")]
    public void Bad_arguments_are_exit_2(params string[] args)
    {
        var result = CliRunner.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public void Github_format_prints_workflow_annotations()
    {
        using var workspace = new TempFolder(("a.vml", "template t for voicemail {\n  use nope\n}\n"));
        var root = workspace.Path;
        var lines = CliRunner.Run("check", root, "--format", "github").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l,
            @"^::error file=.*a\.vml,line=2,col=7,endLine=2,endColumn=11,title=VML0104::There is no ruleset named 'nope'"));
    }

    [Fact]
    public void Sarif_format_names_every_rule_and_each_result_points_at_its_rule()
    {
        var examples = Path.Combine(TestPaths.RepositoryRoot, "examples");
        var result = CliRunner.Run("check", examples, "--format", "sarif");
        var run = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(VmLang.Diagnostics.DiagnosticDescriptors.All.Count, rules.Count);
        Assert.All(rules, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("fullDescription").GetProperty("text").GetString())));

        // One result per diagnostic the text format lists (one a line), so the check below has results to check.
        var results = run.GetProperty("results").EnumerateArray().ToList();
        var listed = CliRunner.Run("check", examples).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(listed);
        Assert.Equal(listed.Length, results.Count);
        Assert.All(results, item =>
            Assert.Equal(item.GetProperty("ruleId").GetString(), rules[item.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString()));
    }

    [Fact]
    public void Config_errors_point_at_the_key_in_vmlang_json()
    {
        using var workspace = new TempFolder(("vmlang.json", "{\n  \"maxSeconds\": 30,\n  \"colour\": \"red\"\n}\n"));
        var root = workspace.Path;
        var result = CliRunner.Run("check", root);
        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"vmlang\.json\(3,3\): error VML0301: .*colour", result.Stdout);
    }

    [Fact]
    public void Explain_prints_the_rule_doc_and_rejects_unknown_codes()
    {
        var known = CliRunner.Run("explain", "VML1002");
        Assert.Equal(0, known.ExitCode);
        Assert.Contains("# VML1002: Begging for a callback", known.Stdout);
        Assert.Contains("## Bad", known.Stdout);
        Assert.Contains("## Good", known.Stdout);
        Assert.Equal(2, CliRunner.Run("explain", "VML9999").ExitCode);
    }
}
