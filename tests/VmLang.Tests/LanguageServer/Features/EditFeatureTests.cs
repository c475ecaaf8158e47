using System.Text.Json;
using VmLang.LanguageServer.Protocol;
using static VmLang.Tests.LanguageServer.LspTestClient;

namespace VmLang.Tests.LanguageServer.Features;

/// <summary>Rename, formatting and code actions: the features that answer with edits.</summary>
public class EditFeatureTests
{
    private static readonly string FirstTouch = File.ReadAllText(TestPaths.Example("first_touch.vml"));

    [Fact]
    public async Task Rename_of_a_ruleset_edits_its_declaration_and_every_use_across_files()
    {
        await using var session = await StartServerAsync();
        var uri = session.UriOf("first_touch.vml");
        var (line, character) = TextPositions.Find(FirstTouch, "use house", offset: 5);

        var prepared = await session.ResultAsync(LspMethods.TextDocumentPrepareRename, Position(uri, line, character));
        Assert.Equal("house", prepared.GetProperty("placeholder").GetString());

        var edit = await session.ResultAsync(LspMethods.TextDocumentRename, PositionWith(uri, line, character, "\"newName\":\"studio\""));
        var changes = edit.GetProperty("changes");
        Assert.Equal("studio", changes.GetProperty(uri)[0].GetProperty("newText").GetString());
        Assert.Equal(1, changes.GetProperty(session.UriOf("house.vml")).GetArrayLength());
    }

    [Fact]
    public async Task Rename_of_a_slot_edits_the_declaration_and_the_holes()
    {
        await using var session = await StartServerAsync();
        var uri = session.UriOf("first_touch.vml");
        var (line, character) = TextPositions.Find(FirstTouch, "{{ referrer }}", offset: 3);
        var edit = await session.ResultAsync(LspMethods.TextDocumentRename, PositionWith(uri, line, character, "\"newName\":\"friend\""));
        Assert.Equal(3, edit.GetProperty("changes").GetProperty(uri).GetArrayLength());
    }

    [Theory]
    [InlineData("slot", "keyword")]
    [InlineData("9lives", "not a name")]
    [InlineData("rep", "already has that name")]
    public async Task Rename_to_a_bad_name_is_an_error(string newName, string reason)
    {
        await using var session = await StartServerAsync();
        var uri = session.UriOf("first_touch.vml");
        var (line, character) = TextPositions.Find(FirstTouch, "slot referrer", offset: 6);
        var response = await session.CallAsync(LspMethods.TextDocumentRename, PositionWith(uri, line, character, $"\"newName\":{Json(newName)}"));
        Assert.Contains(reason, response.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Prepare_rename_on_a_keyword_answers_null()
    {
        await using var session = await StartServerAsync();
        var prepared = await session.ResultAsync(LspMethods.TextDocumentPrepareRename, Position(session.UriOf("first_touch.vml"), 1, 2));
        Assert.Equal(JsonValueKind.Null, prepared.ValueKind);
    }

    [Fact]
    public async Task Formatting_returns_one_whole_document_edit_or_none()
    {
        await using var session = await StartServerAsync();
        var uri = session.UriOf("messy.vml");
        await session.OpenAsync(uri, "ruleset r{forbid \"a\",\"b\" because \"c\"}");
        var options = "\"options\":{\"tabSize\":4,\"insertSpaces\":true}";
        var edits = await session.ResultAsync(LspMethods.TextDocumentFormatting, DocumentParams(uri, options));
        Assert.Equal("ruleset r {\n  forbid \"a\", \"b\" because \"c\"\n}\n", edits[0].GetProperty("newText").GetString());

        var none = await session.ResultAsync(LspMethods.TextDocumentFormatting, DocumentParams(session.UriOf("house.vml"), options));
        Assert.Equal(0, none.GetArrayLength());
    }

    [Fact]
    public async Task Code_actions_offer_the_compilers_fix_allow_in_template_and_off_in_a_new_vmlang_json()
    {
        await using var session = await StartServerAsync();
        var uri = session.UriOf("first_touch.vml");
        var text = FirstTouch.Replace("  slot number   : contact\n", "", StringComparison.Ordinal).Replace(" you can reach me at {{ number }}", "", StringComparison.Ordinal);
        await session.OpenAsync(uri, text);
        var diagnostics = await session.WaitForDiagnosticsAsync(uri, Has("VML0201"));
        var missing = diagnostics.First(d => d.GetProperty("code").GetString() == "VML0201");
        var range = missing.GetProperty("range").GetRawText();

        var actions = await session.ResultAsync(LspMethods.TextDocumentCodeAction,
            DocumentParams(uri, "\"range\":" + range + ",\"context\":{\"diagnostics\":[" + missing.GetRawText() + "]}"));
        var titles = actions.EnumerateArray().Select(a => a.GetProperty("title").GetString()).ToList();
        Assert.Contains("Add a 'contact' slot", titles);
        Assert.Contains("Allow VML0201 in template 'first_touch'", titles);
        Assert.Contains("Set VML0201 to off in vmlang.json", titles);

        var allow = actions.EnumerateArray().First(a => a.GetProperty("title").GetString()!.StartsWith("Allow", StringComparison.Ordinal));
        Assert.Contains("allow VML0201 because \"\"", allow.GetProperty("edit").GetProperty("changes").GetProperty(uri)[0].GetProperty("newText").GetString());

        var off = actions.EnumerateArray().First(a => a.GetProperty("title").GetString()!.StartsWith("Set", StringComparison.Ordinal));
        var changes = off.GetProperty("edit").GetProperty("documentChanges");
        Assert.Equal("create", changes[0].GetProperty("kind").GetString());
        Assert.EndsWith("/vmlang.json", changes[0].GetProperty("uri").GetString());
        Assert.Contains("\"VML0201\": \"off\"", changes[1].GetProperty("edits")[0].GetProperty("newText").GetString());
    }

    [Fact]
    public async Task Off_in_an_existing_vmlang_json_edits_its_rules_and_keeps_the_rest()
    {
        await using var session = await StartServerAsync(new Dictionary<string, string> { ["vmlang.json"] = "{\n  // ours\n  \"rules\": { \"VML1004\": \"warning\" }\n}\n" });
        var uri = session.UriOf("first_touch.vml");
        var text = FirstTouch.Replace("Hi {{ prospect | first }}", "Just checking in, {{ prospect | first }}", StringComparison.Ordinal);
        await session.OpenAsync(uri, text);
        var diagnostics = await session.WaitForDiagnosticsAsync(uri, Has("VML1004"));
        var filler = diagnostics.First(d => d.GetProperty("code").GetString() == "VML1004");
        var actions = await session.ResultAsync(LspMethods.TextDocumentCodeAction,
            DocumentParams(uri, "\"range\":" + filler.GetProperty("range").GetRawText() + ",\"context\":{\"diagnostics\":[]}"));
        var off = actions.EnumerateArray().First(a => a.GetProperty("title").GetString() == "Set VML1004 to off in vmlang.json");
        var edit = off.GetProperty("edit").GetProperty("changes").GetProperty(session.UriOf("vmlang.json"))[0];
        Assert.Equal("\"off\"", edit.GetProperty("newText").GetString());
        Assert.Equal(2, edit.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
    }
}
