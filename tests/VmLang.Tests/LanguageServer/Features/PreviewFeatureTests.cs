using System.Text.Json;
using VmLang.LanguageServer.Protocol;
using VmLang.Tests.Cli;
using VmLang.Tests.Speech;
using static VmLang.Tests.LanguageServer.LspTestClient;

namespace VmLang.Tests.LanguageServer.Features;

/// <summary>The script preview (<c>vmlang/preview</c>) and the rule pages (<c>vmlang/explain</c>) that the VS Code extension shows.</summary>
public class PreviewFeatureTests
{
    private static readonly Dictionary<string, string> Prospects = new()
    {
        ["prospects.csv"] = File.ReadAllText(TestPaths.Example("prospects.csv")),
    };

    private static Task<JsonElement> PreviewAsync(LspTestClient session, string template = "first_touch", string? data = "prospects.csv", int? row = null, string file = "first_touch.vml", string? knownRowsKey = null)
    {
        var members = $"\"template\":{Json(template)}" + (data is null ? "" : $",\"dataPath\":{Json(data)}") + (row is null ? "" : $",\"row\":{row}")
            + (knownRowsKey is null ? "" : $",\"knownRowsKey\":{Json(knownRowsKey)}");
        return session.ResultAsync(LspMethods.VmLangPreview, DocumentParams(session.UriOf(file), members));
    }

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public async Task Preview_of_a_row_is_the_script_render_writes_for_it()
    {
        await using var session = await StartServerAsync(Prospects);
        var preview = await PreviewAsync(session, row: 2);

        var render = CliRunner.Run("render", Path.Combine(session.Folder, "first_touch.vml"), "--template", "first_touch",
            "--data", Path.Combine(session.Folder, "prospects.csv"), "--format", "jsonl");
        var rendered = render.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement)
            .Single(r => r.GetProperty("row").GetInt32() == 2);
        Assert.Equal(rendered.GetProperty("script").GetString(), preview.GetProperty("script").GetString());
        Assert.Equal(rendered.GetProperty("seconds").GetDouble(), preview.GetProperty("seconds").GetDouble());
        Assert.Equal(2, preview.GetProperty("row").GetInt32());
        Assert.Equal(30, preview.GetProperty("budgetSeconds").GetInt32());
        Assert.Empty(preview.GetProperty("missing").EnumerateArray());
        Assert.Empty(preview.GetProperty("rejections").EnumerateArray());
        var rows = preview.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("number").GetInt32(), r.GetProperty("label").GetString())).ToList();
        Assert.Equal([(1, "Dana Reyes"), (2, "Luis Romero"), (3, "Mei Chen"), (4, "Tom O'Neil"), (5, "Ana Lima")], rows);
    }

    private static List<(int, string?)>? RowList(JsonElement preview) =>
        preview.TryGetProperty("rows", out var rows) ? [.. rows.EnumerateArray().Select(r => (r.GetProperty("number").GetInt32(), r.GetProperty("label").GetString()))] : null;

    [Fact]
    public async Task The_row_list_is_left_out_while_the_client_has_it_and_the_rest_still_comes()
    {
        await using var session = await StartServerAsync(Prospects);
        var first = await PreviewAsync(session, row: 2);
        var key = first.GetProperty("rowsKey").GetString()!;
        Assert.Equal(5, RowList(first)!.Count);

        var again = await PreviewAsync(session, row: 3, knownRowsKey: key);
        Assert.Null(RowList(again));
        Assert.Equal(key, again.GetProperty("rowsKey").GetString());
        Assert.Equal(3, again.GetProperty("row").GetInt32());
        Assert.StartsWith("Hi Mei", again.GetProperty("script").GetString());

        // While the template has errors (as it does halfway through a word) the list is known by the same key.
        var uri = session.UriOf("first_touch.vml");
        await session.OpenAsync(uri, File.ReadAllText(Path.Combine(session.Folder, "first_touch.vml")).Replace("{{ rep }}", "{{ re }}", StringComparison.Ordinal));
        var broken = await PreviewAsync(session, row: 3, knownRowsKey: key);
        Assert.False(broken.TryGetProperty("script", out _));
        Assert.Null(RowList(broken));
        Assert.Equal(key, broken.GetProperty("rowsKey").GetString());

        // A key the server does not know (another server's, another file's) gets the list.
        Assert.Equal(RowList(first), RowList(await PreviewAsync(session, row: 3, knownRowsKey: "not-a-key")));
        // So does a request without one.
        Assert.Equal(RowList(first), RowList(await PreviewAsync(session, row: 3)));
    }

    [Fact]
    public async Task A_data_file_changed_or_touched_on_disk_sends_the_rows_again()
    {
        await using var session = await StartServerAsync(Prospects);
        var key = (await PreviewAsync(session)).GetProperty("rowsKey").GetString()!;
        var csv = Path.Combine(session.Folder, "prospects.csv");

        File.WriteAllText(csv, File.ReadAllText(csv).Replace("Dana Reyes", "Dana Ruiz", StringComparison.Ordinal));
        var changed = await PreviewAsync(session, knownRowsKey: key);
        Assert.Equal((1, "Dana Ruiz"), RowList(changed)![0]);
        var changedKey = changed.GetProperty("rowsKey").GetString()!;
        Assert.NotEqual(key, changedKey);

        File.SetLastWriteTimeUtc(csv, File.GetLastWriteTimeUtc(csv).AddSeconds(-10));
        var touched = await PreviewAsync(session, knownRowsKey: changedKey);
        Assert.Equal(5, RowList(touched)!.Count);
        Assert.NotEqual(changedKey, touched.GetProperty("rowsKey").GetString());

        // Another data file, and then none: the list follows.
        File.WriteAllText(Path.Combine(session.Folder, "two.csv"), "prospect,rep\nAda,Sam\nBo,Sam\n");
        Assert.Equal([(1, "Ada"), (2, "Bo")], RowList(await PreviewAsync(session, data: "two.csv", knownRowsKey: changedKey)));
        var none = await PreviewAsync(session, data: null, knownRowsKey: changedKey);
        Assert.Empty(RowList(none)!);
        Assert.False(none.TryGetProperty("rowsKey", out _));
    }

    [Fact]
    public async Task Rows_labelled_by_another_slot_are_sent_again_and_the_same_labels_are_not()
    {
        await using var session = await StartServerAsync(Prospects);
        var key = (await PreviewAsync(session)).GetProperty("rowsKey").GetString()!;

        // Another template whose prospect slot is also `prospect`: the same list.
        var other = await PreviewAsync(session, template: "second_touch", file: "second_touch.vml", knownRowsKey: key);
        Assert.Null(RowList(other));
        Assert.Equal(key, other.GetProperty("rowsKey").GetString());

        // The prospect role moved to the `rep` slot: rows are labelled by rep now.
        var uri = session.UriOf("first_touch.vml");
        var text = File.ReadAllText(Path.Combine(session.Folder, "first_touch.vml"))
            .Replace("slot prospect : prospect", "slot prospect : text", StringComparison.Ordinal)
            .Replace("slot rep      : caller", "slot rep      : prospect", StringComparison.Ordinal);
        await session.OpenAsync(uri, text);
        var relabelled = await PreviewAsync(session, knownRowsKey: key);
        Assert.Equal((1, "Sam Ortiz"), RowList(relabelled)![0]);
        Assert.NotEqual(key, relabelled.GetProperty("rowsKey").GetString());
    }

    [Fact]
    public async Task A_missing_value_shows_as_the_slot_name_and_the_row_is_rejected_as_render_would()
    {
        await using var session = await StartServerAsync(Prospects);
        var preview = await PreviewAsync(session, row: 3);
        var script = preview.GetProperty("script").GetString()!;
        var missing = preview.GetProperty("missing").EnumerateArray().Single();
        Assert.Equal("pain", missing.GetProperty("slot").GetString());
        Assert.Equal("pain", script.Substring(missing.GetProperty("start").GetInt32(), missing.GetProperty("length").GetInt32()));
        Assert.Contains("Hi Mei, this is Avery Brooks with Northwind Telecom.", script);
        Assert.Contains("slot 'pain' (reason) is blank", Strings(preview.GetProperty("rejections")).Single());
    }

    [Fact]
    public async Task Rejections_and_warnings_of_a_row_are_listed()
    {
        await using var session = await StartServerAsync(Prospects);
        Assert.Contains(Strings((await PreviewAsync(session, row: 4)).GetProperty("rejections")), r => r.Contains("fewer than 7", StringComparison.Ordinal));
        Assert.Contains(Strings((await PreviewAsync(session, row: 5)).GetProperty("rejections")), r => r.StartsWith("VML1001", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_data_every_slot_without_a_default_is_shown_by_name()
    {
        await using var session = await StartServerAsync();
        var preview = await PreviewAsync(session, data: null);
        var script = preview.GetProperty("script").GetString()!;
        Assert.StartsWith("Hi prospect, this is rep with Northwind Telecom.", script);
        Assert.Equal(["prospect", "rep", "referrer", "pain", "outcome", "when", "number"],
            preview.GetProperty("missing").EnumerateArray().Select(m => m.GetProperty("slot").GetString()!).ToList());
        Assert.Equal(JsonValueKind.Null, preview.TryGetProperty("row", out var row) ? row.ValueKind : JsonValueKind.Null);
    }

    [Fact]
    public async Task Preview_follows_the_editor_text()
    {
        await using var session = await StartServerAsync(Prospects);
        var uri = session.UriOf("first_touch.vml");
        var text = File.ReadAllText(Path.Combine(session.Folder, "first_touch.vml"));
        await session.OpenAsync(uri, text.Replace("Hi {{ prospect | first }}", "Hello {{ prospect | upper }}", StringComparison.Ordinal));
        var script = (await PreviewAsync(session, row: 1)).GetProperty("script").GetString()!;
        Assert.StartsWith("Hello DANA REYES, this is Sam Ortiz", script);
    }

    // The next three change what the checks of a row read after a first preview (which builds the row
    // checks' phrase automaton): a preview that kept a stale renderer or automaton would not see the change.
    private const string HoldTimes = "forbid \"hold times\" because \"Say what it saves.\" as error";

    [Fact]
    public async Task A_ruleset_edited_after_a_preview_checks_the_next_one()
    {
        await using var session = await StartServerAsync(Prospects);
        Assert.Empty((await PreviewAsync(session, row: 1)).GetProperty("rejections").EnumerateArray());

        var house = File.ReadAllText(Path.Combine(session.Folder, "house.vml"));
        await session.OpenAsync(session.UriOf("house.vml"), house.Replace("ruleset house {", "ruleset house {\n  " + HoldTimes, StringComparison.Ordinal));

        Assert.Equal(["VML1100: Ruleset 'house' forbids \"hold times\": Say what it saves."], Strings((await PreviewAsync(session, row: 1)).GetProperty("rejections")));
    }

    [Fact]
    public async Task A_template_edited_to_stop_using_a_ruleset_is_no_longer_checked_against_it()
    {
        var files = new Dictionary<string, string>(Prospects) { ["house.vml"] = $"ruleset house {{\n  {HoldTimes}\n}}\n" };
        await using var session = await StartServerAsync(files);
        Assert.Contains("hold times", Strings((await PreviewAsync(session, row: 1)).GetProperty("rejections")).Single());

        var uri = session.UriOf("first_touch.vml");
        await session.OpenAsync(uri, File.ReadAllText(Path.Combine(session.Folder, "first_touch.vml")).Replace("  use house\n", "", StringComparison.Ordinal));

        var preview = await PreviewAsync(session, row: 1);
        Assert.Empty(preview.GetProperty("rejections").EnumerateArray());
        Assert.StartsWith("Hi Dana, this is Sam Ortiz", preview.GetProperty("script").GetString());
    }

    [Fact]
    public async Task A_rule_turned_on_in_vmlang_json_after_a_preview_checks_the_next_one()
    {
        var files = new Dictionary<string, string>(Prospects) { ["vmlang.json"] = """{ "rules": { "VML1001": "off" } }""" };
        await using var session = await StartServerAsync(files);
        Assert.Empty((await PreviewAsync(session, row: 5)).GetProperty("rejections").EnumerateArray());

        File.WriteAllText(Path.Combine(session.Folder, "vmlang.json"), "{}");
        await session.SendNotificationAsync(LspMethods.WorkspaceDidChangeConfiguration, "{\"settings\":null}");

        Assert.Contains(Strings((await PreviewAsync(session, row: 5)).GetProperty("rejections")), r => r.StartsWith("VML1001", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_template_with_errors_or_unreadable_data_is_explained_not_rendered()
    {
        await using var session = await StartServerAsync(new Dictionary<string, string> { ["bad.csv"] = "prospect,prospect\nx,y\n" });
        var uri = session.UriOf("first_touch.vml");
        var text = File.ReadAllText(Path.Combine(session.Folder, "first_touch.vml"));
        await session.OpenAsync(uri, text.Replace("{{ rep }}", "{{ repp }}", StringComparison.Ordinal));
        var broken = await PreviewAsync(session, data: null);
        Assert.False(broken.TryGetProperty("script", out _));
        Assert.Contains(Strings(broken.GetProperty("errors")), e => e.Contains("VML0103", StringComparison.Ordinal));

        await session.OpenAsync(uri, text, version: 2);
        Assert.Contains("bad.csv", Strings((await PreviewAsync(session, data: "bad.csv")).GetProperty("errors")).Single());
        Assert.Contains("does not exist", Strings((await PreviewAsync(session, data: "nowhere.csv")).GetProperty("errors")).Single());
        Assert.Contains("no template 'nope'", Strings((await PreviewAsync(session, template: "nope", data: null)).GetProperty("errors")).Single());
    }

    [EspeakFact]
    public async Task Listen_speaks_the_previewed_row_and_reports_its_length_next_to_the_estimate()
    {
        await using var session = await StartServerAsync(Prospects);
        var members = $"\"template\":\"first_touch\",\"dataPath\":\"prospects.csv\",\"row\":2";
        var preview = await session.ResultAsync(LspMethods.VmLangPreview, DocumentParams(session.UriOf("first_touch.vml"), members));
        var listen = await session.ResultAsync(LspMethods.VmLangListen, DocumentParams(session.UriOf("first_touch.vml"), members));
        Assert.False(preview.TryGetProperty("speechUnavailable", out _));
        var wav = Convert.FromBase64String(listen.GetProperty("wav").GetString()!);
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(wav, 0, 4));
        Assert.Equal(preview.GetProperty("seconds").GetDouble(), listen.GetProperty("estimatedSeconds").GetDouble());
        var measured = listen.GetProperty("measuredSeconds").GetDouble();
        // The estimate is calibrated to espeak-ng within 5 % (issue 16); a wrong row or an empty script would be far off.
        Assert.InRange(measured, preview.GetProperty("seconds").GetDouble() * 0.9, preview.GetProperty("seconds").GetDouble() * 1.1);
    }

    [Fact]
    public async Task Listen_to_a_template_with_errors_says_why_instead()
    {
        await using var session = await StartServerAsync();
        var uri = session.UriOf("first_touch.vml");
        await session.OpenAsync(uri, File.ReadAllText(Path.Combine(session.Folder, "first_touch.vml")).Replace("{{ rep }}", "{{ repp }}", StringComparison.Ordinal));
        var listen = await session.ResultAsync(LspMethods.VmLangListen, DocumentParams(uri, "\"template\":\"first_touch\""));
        Assert.False(listen.TryGetProperty("wav", out _));
        Assert.Contains(Strings(listen.GetProperty("errors")), e => e.Contains("VML0103", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Explain_returns_the_rule_page()
    {
        await using var session = await StartServerAsync();
        var page = await session.ResultAsync(LspMethods.VmLangExplain, """{"code":"vml1002"}""");
        Assert.Equal("VML1002", page.GetProperty("code").GetString());
        Assert.StartsWith("# VML1002: Begging for a callback", page.GetProperty("markdown").GetString());
        var unknown = await session.CallAsync(LspMethods.VmLangExplain, """{"code":"VML9999"}""");
        Assert.Contains("Unknown diagnostic code", unknown.GetProperty("error").GetProperty("message").GetString());
    }
}
