using System.Text.Json;
using VmLang.LanguageServer.Protocol;
using static VmLang.Tests.LanguageServer.LspTestClient;

namespace VmLang.Tests.LanguageServer.Features;

/// <summary>Hover, completion, definition and references on the examples.</summary>
public class QueryFeatureTests
{
    private static readonly string FirstTouch = File.ReadAllText(TestPaths.Example("first_touch.vml"));

    private static async Task<JsonElement> At(LspTestClient session, string method, string needle, int offset = 0, int occurrence = 1, string file = "first_touch.vml")
    {
        var text = File.ReadAllText(Path.Combine(session.Folder, file));
        var (line, character) = TextPositions.Find(text, needle, offset, occurrence);
        return await session.ResultAsync(method, Position(session.UriOf(file), line, character));
    }

    [Fact]
    public async Task Hover_on_a_slot_tells_its_role_and_that_it_must_be_said()
    {
        await using var session = await StartServerAsync();
        var hover = await At(session, LspMethods.TextDocumentHover, "{{ rep }}", offset: 4);
        var text = hover.GetProperty("contents").GetProperty("value").GetString()!;
        Assert.Contains("slot rep : caller", text);
        Assert.Contains("the rep leaving the message", text);
        Assert.Contains("must say it", text);
    }

    [Fact]
    public async Task Hover_on_a_slot_with_a_default_shows_it()
    {
        await using var session = await StartServerAsync();
        var text = (await At(session, LspMethods.TextDocumentHover, "slot firm", offset: 6)).GetProperty("contents").GetProperty("value").GetString()!;
        Assert.Contains("= \"Northwind Telecom\"", text);
        Assert.Contains("default", text);
    }

    [Fact]
    public async Task Hover_on_a_template_shows_channel_and_spoken_length()
    {
        await using var session = await StartServerAsync();
        var text = (await At(session, LspMethods.TextDocumentHover, "first_touch for", offset: 2)).GetProperty("contents").GetProperty("value").GetString()!;
        Assert.Contains("template first_touch for voicemail", text);
        Assert.Matches(@"≈ [\d.]+ s spoken of 30 s", text);
    }

    [Fact]
    public async Task Hover_on_a_ruleset_lists_its_rules()
    {
        await using var session = await StartServerAsync();
        var text = (await At(session, LspMethods.TextDocumentHover, "use house", offset: 5)).GetProperty("contents").GetProperty("value").GetString()!;
        Assert.Contains("forbid \"guarantee\" (error): Legal reviews every guarantee.", text);
        Assert.Contains("prefer \"call me back\" → \"you can reach me at\"", text);
    }

    [Fact]
    public async Task Hover_on_a_diagnostic_shows_its_documentation()
    {
        await using var session = await StartServerAsync();
        var uri = session.UriOf("first_touch.vml");
        var text = FirstTouch.Replace("{{ rep }}", "{{ repp }}", StringComparison.Ordinal);
        await session.OpenAsync(uri, text);
        var (line, character) = TextPositions.Find(text, "repp", offset: 1);
        var hover = await session.ResultAsync(LspMethods.TextDocumentHover, Position(uri, line, character));
        var value = hover.GetProperty("contents").GetProperty("value").GetString()!;
        Assert.Contains("VML0103", value);
        Assert.Contains("refers to a slot that the template does not declare", value);
    }

    [Fact]
    public async Task Hover_on_a_role_and_a_filter()
    {
        await using var session = await StartServerAsync();
        Assert.Contains("phone number to reach you", (await At(session, LspMethods.TextDocumentHover, ": contact", offset: 3)).GetProperty("contents").GetProperty("value").GetString());
        Assert.Contains("first word", (await At(session, LspMethods.TextDocumentHover, "| first", offset: 3)).GetProperty("contents").GetProperty("value").GetString());
    }

    [Theory]
    [InlineData("    Hi {{ ", new[] { "prospect", "rep", "referrer", "if", "end" })]
    [InlineData("    Hi {{ prospect | ", new[] { "first", "last", "upper", "lower", "spoken" })]
    [InlineData("    Hi {{ prospect.", new[] { "first", "last" })]
    [InlineData("  slot extra : ", new[] { "prospect", "caller", "contact", "text" })]
    [InlineData("  use ", new[] { "house" })]
    [InlineData("  allow ", new[] { "VML0203", "VML1004" })]
    [InlineData("  ", new[] { "slot", "say", "use", "max", "allow" })]
    public async Task Completion_offers_what_fits_at_the_caret(string typed, string[] expected)
    {
        await using var session = await StartServerAsync();
        var uri = session.UriOf("first_touch.vml");
        // The typed line goes just before the say block's first line (inside the block for holes, above `say` otherwise).
        var anchor = typed.Contains("{{", StringComparison.Ordinal) ? "    Hi {{ prospect | first }}" : "  say \"\"\"";
        var text = FirstTouch.Replace(anchor, typed + "\n" + anchor, StringComparison.Ordinal);
        await session.OpenAsync(uri, text);
        var (line, _) = TextPositions.Find(text, anchor);
        var result = await session.ResultAsync(LspMethods.TextDocumentCompletion, Position(uri, line - 1, typed.Length));
        var labels = result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("label").GetString()).ToList();
        Assert.All(expected, label => Assert.Contains(label, labels));
    }

    private static async Task<List<JsonElement>> CompleteInHoleAsync(LspTestClient session, string line, int caret)
    {
        var uri = session.UriOf("first_touch.vml");
        const string anchor = "    Hi {{ prospect | first }}";
        var text = FirstTouch.Replace(anchor, line + "\n" + anchor, StringComparison.Ordinal);
        await session.OpenAsync(uri, text);
        var (lineIndex, _) = TextPositions.Find(text, anchor);
        var result = await session.ResultAsync(LspMethods.TextDocumentCompletion, Position(uri, lineIndex - 1, caret));
        // What the editor shows: ordered by sortText.
        return [.. result.GetProperty("items").EnumerateArray().OrderBy(i => i.GetProperty("sortText").GetString(), StringComparer.Ordinal)];
    }

    [Fact]
    public async Task Completion_in_a_hole_lists_the_slots_first_and_preselects_one()
    {
        await using var session = await StartServerAsync();
        var items = await CompleteInHoleAsync(session, "    Hi {{ ", "    Hi {{ ".Length);
        var kinds = items.Select(i => i.GetProperty("kind").GetInt32()).ToList();
        var lastSlot = kinds.LastIndexOf((int)CompletionItemKind.Variable);
        var firstKeyword = kinds.IndexOf((int)CompletionItemKind.Keyword);
        Assert.Equal("prospect", items[0].GetProperty("label").GetString());
        Assert.True(lastSlot >= 0 && firstKeyword > lastSlot, string.Join(", ", items.Select(i => i.GetProperty("label").GetString())));
        Assert.True(items[0].GetProperty("preselect").GetBoolean());
        Assert.Single(items, i => i.TryGetProperty("preselect", out _));
    }

    [Theory]
    [InlineData("    Hi {{ ")]
    [InlineData("    Hi {{  }}")]
    public async Task Completion_in_a_hole_lists_the_slots_first_and_preselects_one_closed_or_not(string line)
    {
        await using var session = await StartServerAsync();
        var items = await CompleteInHoleAsync(session, line, "    Hi {{ ".Length);
        Assert.NotEmpty(items);
        Assert.Equal("prospect", items[0].GetProperty("label").GetString());
    }

    [Theory]
    [InlineData("    Hi {{}}", 9, 9, " rep ")]
    [InlineData("    Hi {{re }}", 9, 11, " rep")]
    [InlineData("    Hi {{ re }}", -1, -1, null)]
    public async Task Completion_right_after_the_braces_inserts_the_spaces(string line, int start, int caret, string? inserted)
    {
        await using var session = await StartServerAsync();
        var items = await CompleteInHoleAsync(session, line, caret < 0 ? line.Length - 3 : caret);
        var rep = items.Single(i => i.GetProperty("label").GetString() == "rep");
        if (inserted is null)
        {
            Assert.False(rep.TryGetProperty("textEdit", out _));
            return;
        }
        var edit = rep.GetProperty("textEdit");
        Assert.Equal(inserted, edit.GetProperty("newText").GetString());
        Assert.Equal(start, edit.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());
        Assert.Equal(caret, edit.GetProperty("range").GetProperty("end").GetProperty("character").GetInt32());
    }

    [Fact]
    public async Task Completion_offers_templates_after_day_and_declarations_at_top_level()
    {
        await using var session = await StartServerAsync();
        const string uri = "untitled:seq";
        await session.OpenAsync(uri, "sequence s {\n  day 1 \n}\n\n");
        var days = await session.ResultAsync(LspMethods.TextDocumentCompletion, Position(uri, 1, 8));
        Assert.Contains(days.GetProperty("items").EnumerateArray(), i => i.GetProperty("label").GetString() == "first_touch");
        var top = await session.ResultAsync(LspMethods.TextDocumentCompletion, Position(uri, 4, 0));
        Assert.Contains(top.GetProperty("items").EnumerateArray(), i => i.GetProperty("label").GetString() == "template");
    }

    [Fact]
    public async Task Definition_goes_from_use_to_the_ruleset_in_another_file()
    {
        await using var session = await StartServerAsync();
        var location = await At(session, LspMethods.TextDocumentDefinition, "use house", offset: 6);
        Assert.Equal(session.UriOf("house.vml"), location.GetProperty("uri").GetString());
        Assert.Equal(1, location.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
        Assert.Equal(8, location.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());
    }

    [Fact]
    public async Task Definition_goes_from_a_hole_to_its_slot()
    {
        await using var session = await StartServerAsync();
        var location = await At(session, LspMethods.TextDocumentDefinition, "{{ when }}", offset: 4);
        var (line, character) = TextPositions.Find(FirstTouch, "slot when", offset: 5);
        Assert.Equal(line, location.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
        Assert.Equal(character, location.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());
    }

    [Fact]
    public async Task References_with_and_without_the_declaration()
    {
        await using var session = await StartServerAsync();
        var (line, character) = TextPositions.Find(FirstTouch, "slot referrer", offset: 6);
        var uri = session.UriOf("first_touch.vml");
        var all = await session.ResultAsync(LspMethods.TextDocumentReferences, PositionWith(uri, line, character, "\"context\":{\"includeDeclaration\":true}"));
        var uses = await session.ResultAsync(LspMethods.TextDocumentReferences, PositionWith(uri, line, character, "\"context\":{\"includeDeclaration\":false}"));
        Assert.Equal(3, all.GetArrayLength());
        Assert.Equal(2, uses.GetArrayLength());
    }

    [Fact]
    public async Task Unknown_documents_and_positions_out_of_range_answer_null_not_errors()
    {
        await using var session = await StartServerAsync();
        Assert.Equal(JsonValueKind.Null, (await session.ResultAsync(LspMethods.TextDocumentHover, Position("file:///nowhere/x.vml", 0, 0))).ValueKind);
        Assert.Equal(JsonValueKind.Null, (await session.ResultAsync(LspMethods.TextDocumentDefinition, Position(session.UriOf("first_touch.vml"), 999, 999))).ValueKind);
        Assert.Equal(JsonValueKind.Null, (await session.ResultAsync(LspMethods.TextDocumentHover, Position(session.UriOf("first_touch.vml"), -5, 3))).ValueKind);
        var completion = await session.ResultAsync(LspMethods.TextDocumentCompletion, Position(session.UriOf("first_touch.vml"), 999, 0));
        Assert.Equal(JsonValueKind.Object, completion.ValueKind);
    }
}
