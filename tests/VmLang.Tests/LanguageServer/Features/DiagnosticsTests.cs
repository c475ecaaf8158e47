using VmLang.LanguageServer.Documents;
using VmLang.LanguageServer.Protocol;
using static VmLang.Tests.LanguageServer.LspTestClient;

namespace VmLang.Tests.LanguageServer.Features;

public class DiagnosticsTests
{
    private static readonly string FirstTouch = File.ReadAllText(TestPaths.Example("first_touch.vml"));

    [Fact]
    public async Task A_typo_in_a_hole_is_reported_and_its_fix_clears_it()
    {
        await using var session = await StartServerAsync();
        var uri = session.UriOf("first_touch.vml");
        await session.OpenAsync(uri, FirstTouch);

        var (line, character) = TextPositions.Find(FirstTouch, "{{ rep }}", offset: 3);
        await session.ChangeAsync(uri, 2, line, character, line, character + 3, "repp");
        var diagnostics = await session.WaitForDiagnosticsAsync(uri, Has("VML0103"));
        var error = diagnostics.Single(d => d.GetProperty("code").GetString() == "VML0103");
        Assert.Equal(1, error.GetProperty("severity").GetInt32());
        Assert.Equal("vmlang", error.GetProperty("source").GetString());
        Assert.Equal(line, error.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
        Assert.Equal(character, error.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());
        Assert.Equal("first_touch", error.GetProperty("data").GetProperty("template").GetString());

        await session.ChangeAsync(uri, 3, line, character, line, character + 4, "rep");
        Assert.Empty(await session.WaitForDiagnosticsAsync(uri, d => d.Length == 0));
    }

    [Fact]
    public async Task A_burst_of_edits_ends_with_the_diagnostics_of_the_last_version_and_versions_never_go_back()
    {
        await using var session = await StartServerAsync();
        var uri = session.UriOf("first_touch.vml");
        await session.OpenAsync(uri, FirstTouch);
        var (line, character) = TextPositions.Find(FirstTouch, "{{ rep }}", offset: 6);

        // Forty keystrokes sent without waiting: "rep" becomes "repp" (VML0103) and back, ending as it began.
        const int last = 41;
        for (var version = 2; version <= last; version++)
        {
            if (version % 2 == 0) await session.ChangeAsync(uri, version, line, character, line, character, "p");
            else await session.ChangeAsync(uri, version, line, character, line, character + 1, "");
        }

        var versions = new List<int>();
        while (versions.LastOrDefault() != last)
        {
            var message = await session.ReceiveAsync();
            if (!message.TryGetProperty("method", out var method) || method.GetString() != LspMethods.TextDocumentPublishDiagnostics) continue;
            var parameters = message.GetProperty("params");
            if (parameters.GetProperty("uri").GetString() != uri || !parameters.TryGetProperty("version", out var version)) continue;
            versions.Add(version.GetInt32());
            if (versions[^1] == last) Assert.DoesNotContain(parameters.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "VML0103");
        }
        Assert.Equal(versions.Order(), versions);
    }

    [Fact]
    public async Task A_change_in_one_file_publishes_the_diagnostics_it_causes_in_another()
    {
        await using var session = await StartServerAsync();
        var house = session.UriOf("house.vml");
        var text = File.ReadAllText(TestPaths.Example("house.vml"));
        await session.OpenAsync(house, text);
        var (line, character) = TextPositions.Find(text, "ruleset house", offset: 8);

        await session.ChangeAsync(house, 2, line, character, line, character + 5, "home");
        await session.WaitForDiagnosticsAsync(session.UriOf("first_touch.vml"), Has("VML0104"));

        await session.ChangeAsync(house, 3, line, character, line, character + 4, "house");
        await session.WaitForDiagnosticsAsync(session.UriOf("first_touch.vml"), d => d.Length == 0);
    }

    [Fact]
    public async Task Files_whose_diagnostics_did_not_change_are_not_published_again()
    {
        var noisy = new Dictionary<string, string> { ["a_noisy.vml"] = "template noisy for voicemail {\n  say \"\"\"\n    hi\n    \"\"\"\n}\n" };
        await using var session = await StartServerAsync(noisy);
        // Loading publishes every file with diagnostics, in order of their names.
        await session.WaitForDiagnosticsAsync(session.UriOf("a_noisy.vml"), Has("VML0201"));
        var uri = session.UriOf("first_touch.vml");
        await session.OpenAsync(uri, FirstTouch);
        await session.WaitForDiagnosticsAsync(uri, d => d.Length == 0);

        var others = new List<string>();
        var (line, character) = TextPositions.Find(FirstTouch, "{{ rep }}", offset: 3);
        await session.ChangeAsync(uri, 2, line, character, line, character + 3, "repp");
        await session.WaitForDiagnosticsAsync(uri, Has("VML0103"), others);
        await session.ChangeAsync(uri, 3, line, character, line, character + 4, "rep");
        await session.WaitForDiagnosticsAsync(uri, d => d.Length == 0, others);

        Assert.Empty(others);
    }

    [Fact]
    public async Task Closing_a_document_that_is_not_on_disk_clears_its_diagnostics()
    {
        await using var session = await StartServerAsync();
        const string uri = "untitled:Untitled-1";
        await session.OpenAsync(uri, "template t for voicemail {\n  say \"\"\"\n    hi\n    \"\"\"\n}\n");
        await session.WaitForDiagnosticsAsync(uri, Has("VML0201"));

        await session.CloseAsync(uri);
        Assert.Empty(await session.WaitForDiagnosticsAsync(uri));
    }

    [Fact]
    public async Task Diagnostics_of_vmlang_json_are_published_for_that_file()
    {
        await using var session = await StartServerAsync(new Dictionary<string, string> { ["vmlang.json"] = "{ \"wordsPerMinute\": \"fast\" }" });
        var diagnostics = await session.WaitForDiagnosticsAsync(session.UriOf("vmlang.json"), Has("VML0301"));
        Assert.Equal(0, diagnostics[0].GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task A_file_changed_on_disk_is_read_again_unless_it_is_open()
    {
        await using var session = await StartServerAsync();
        var path = Path.Combine(session.Folder, "extra.vml");
        File.WriteAllText(path, "sequence s { day 1 nowhere }\n");
        var uri = session.UriOf("extra.vml");
        await session.SendNotificationAsync(LspMethods.WorkspaceDidChangeWatchedFiles, $$"""{"changes":[{"uri":{{Json(uri)}},"type":1}]}""");
        await session.WaitForDiagnosticsAsync(uri, Has("VML0108"));

        File.Delete(path);
        await session.SendNotificationAsync(LspMethods.WorkspaceDidChangeWatchedFiles, $$"""{"changes":[{"uri":{{Json(uri)}},"type":3}]}""");
        Assert.Empty(await session.WaitForDiagnosticsAsync(uri));
    }

    [Fact]
    public async Task Added_and_removed_workspace_folders_bring_their_files_in_and_out()
    {
        await using var session = await StartServerAsync();
        using var otherFolder = new TempFolder(("steps.vml", "sequence s { day 1 nowhere }\n"));
        var other = otherFolder.Path;
        var uri = DocumentUri.FromLocalPath(Path.Combine(other, "steps.vml"));
        var folder = Json(DocumentUri.FromLocalPath(other));

        await session.SendNotificationAsync(LspMethods.WorkspaceDidChangeWorkspaceFolders,
            $$$"""{"event":{"added":[{"uri":{{{folder}}},"name":"other"}],"removed":[]}}""");
        await session.WaitForDiagnosticsAsync(uri, Has("VML0108"));

        await session.SendNotificationAsync(LspMethods.WorkspaceDidChangeWorkspaceFolders,
            $$$"""{"event":{"added":[],"removed":[{"uri":{{{folder}}},"name":"other"}]}}""");
        Assert.Empty(await session.WaitForDiagnosticsAsync(uri));
    }

    [Fact]
    public async Task Configuration_changes_apply_the_new_vmlang_json()
    {
        await using var session = await StartServerAsync();
        var uri = session.UriOf("first_touch.vml");
        await session.OpenAsync(uri, FirstTouch);
        await session.WaitForDiagnosticsAsync(uri, d => d.Length == 0);

        File.WriteAllText(Path.Combine(session.Folder, "vmlang.json"), "{ \"wordsPerMinute\": 20 }");
        await session.SendNotificationAsync(LspMethods.WorkspaceDidChangeConfiguration, "{\"settings\":null}");
        await session.WaitForDiagnosticsAsync(uri, Has("VML0204"));
    }
}
