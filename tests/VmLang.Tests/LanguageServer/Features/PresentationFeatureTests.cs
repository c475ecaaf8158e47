using VmLang.LanguageServer.Protocol;
using static VmLang.Tests.LanguageServer.LspTestClient;

namespace VmLang.Tests.LanguageServer.Features;

/// <summary>Outline, semantic tokens, folding and code lens.</summary>
public class PresentationFeatureTests
{
    [Fact]
    public async Task Document_symbols_are_declarations_with_their_slots()
    {
        await using var session = await StartServerAsync();
        var symbols = await session.ResultAsync(LspMethods.TextDocumentDocumentSymbol, DocumentParams(session.UriOf("first_touch.vml")));
        var template = symbols[0];
        Assert.Equal("first_touch", template.GetProperty("name").GetString());
        Assert.Equal((int)SymbolKind.Class, template.GetProperty("kind").GetInt32());
        var slots = template.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Equal(["prospect", "rep", "firm", "pain", "outcome", "when", "number", "referrer"], slots);
    }

    [Fact]
    public async Task Semantic_tokens_classify_names_by_their_role_and_split_text_per_line()
    {
        await using var session = await StartServerAsync();
        var uri = session.UriOf("t.vml");
        await session.OpenAsync(uri, "// c\ntemplate t for voicemail {\n  slot p : prospect\n  say \"\"\"\n    Hi {{ p | first }}\n    bye\n    \"\"\"\n}\n");
        var data = (await session.ResultAsync(LspMethods.TextDocumentSemanticTokensFull, DocumentParams(uri))).GetProperty("data").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var legend = new[] { "keyword", "type", "parameter", "enumMember", "function", "string", "number", "comment", "operator" };
        var tokens = new List<(int Line, int Character, int Length, string Type)>();
        int line = 0, character = 0;
        for (var i = 0; i < data.Length; i += 5)
        {
            line += data[i];
            character = data[i] == 0 ? character + data[i + 1] : data[i + 1];
            tokens.Add((line, character, data[i + 2], legend[data[i + 3]]));
        }
        Assert.Contains((0, 0, 4, "comment"), tokens);
        Assert.Contains((1, 0, 8, "keyword"), tokens);
        Assert.Contains((1, 9, 1, "type"), tokens);
        Assert.Contains((2, 7, 1, "parameter"), tokens);
        Assert.Contains((2, 11, 8, "enumMember"), tokens);
        Assert.Contains((4, 14, 5, "function"), tokens);
        Assert.Contains((4, 10, 1, "parameter"), tokens);
        Assert.Contains(tokens, t => t.Line == 5 && t.Type == "string");
    }

    [Theory]
    [InlineData("// a new first line\n", 0, 0)] // every declaration moves down a line
    [InlineData("x", 2, 7)] // the first template's slot is renamed; the rest stay put
    [InlineData("\"\"\"\n", 9, 0)] // an unclosed text block swallows the rest of the file
    [InlineData("}\n", 8, 0)] // a template ends early, and the next ones are read again
    public async Task Semantic_tokens_after_an_edit_are_those_of_the_edited_text_read_afresh(string insert, int line, int character)
    {
        const string text = "template a for voicemail {\n  slot p : prospect\n  say \"\"\"\n    Hi {{ p | first }}\n    \"\"\"\n}\n"
            + "// between\ntemplate b for voicemail {\n  slot p : prospect\n  say \"\"\"\n    Hi {{ p }}\n    \"\"\"\n}\nruleset r { forbid \"x\" because \"y\" } template c for voicemail { slot q : text }\n";
        await using var session = await StartServerAsync();
        var edited = session.UriOf("edited.vml");
        await session.OpenAsync(edited, text);
        await session.ResultAsync(LspMethods.TextDocumentSemanticTokensFull, DocumentParams(edited));
        await session.ChangeAsync(edited, 2, line, character, line, character, insert);
        var afterEdit = await session.ResultAsync(LspMethods.TextDocumentSemanticTokensFull, DocumentParams(edited));

        var lines = text.Split('\n');
        lines[line] = lines[line].Insert(character, insert);
        var fresh = session.UriOf("fresh.vml");
        var freshText = string.Join('\n', lines);
        lines = freshText.Split('\n');
        await session.OpenAsync(fresh, freshText);
        var read = await session.ResultAsync(LspMethods.TextDocumentSemanticTokensFull, DocumentParams(fresh));

        Assert.Equal(read.GetProperty("data").ToString(), afterEdit.GetProperty("data").ToString());
        // And what it says is right: each token, decoded, stands on text of its kind.
        var legend = new[] { "keyword", "type", "parameter", "enumMember", "function", "string", "number", "comment", "operator" };
        var data = read.GetProperty("data").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        int tokenLine = 0, tokenCharacter = 0;
        for (var i = 0; i < data.Length; i += 5)
        {
            tokenLine += data[i];
            tokenCharacter = data[i] == 0 ? tokenCharacter + data[i + 1] : data[i + 1];
            var word = lines[tokenLine].Substring(tokenCharacter, data[i + 2]);
            var expected = legend[data[i + 3]] switch
            {
                "keyword" => "^(template|for|voicemail|slot|say|ruleset|forbid|because)$",
                "type" => "^[abcr]$",
                "parameter" => "^x?[pq]x?$",
                "enumMember" => "^(prospect|text)$",
                "function" => "^first$",
                "comment" => "^//",
                "operator" => "^(:|\\||\\{\\{|\\}\\})$",
                _ => ".",
            };
            Assert.Matches(expected, word);
        }
    }

    [Theory]
    [InlineData("x", 2, 7)] // the first template's slot is renamed: a few integers change
    [InlineData("// a new first line\n", 0, 0)] // every declaration moves down a line
    [InlineData("}\n", 8, 0)] // a template ends early, and the next ones are read again
    [InlineData("", 0, 0)] // nothing changed: no edits
    public async Task Semantic_tokens_delta_turns_the_previous_result_into_the_tokens_of_the_edited_text(string insert, int line, int character)
    {
        const string text = "template a for voicemail {\n  slot p : prospect\n  say \"\"\"\n    Hi {{ p | first }}\n    \"\"\"\n}\n"
            + "// between\ntemplate b for voicemail {\n  slot p : prospect\n  say \"\"\"\n    Hi {{ p }}\n    \"\"\"\n}\nruleset r { forbid \"x\" because \"y\" } template c for voicemail { slot q : text }\n";
        await using var session = await StartServerAsync();
        var uri = session.UriOf("edited.vml");
        await session.OpenAsync(uri, text);
        var first = await session.ResultAsync(LspMethods.TextDocumentSemanticTokensFull, DocumentParams(uri));
        var held = Integers(first.GetProperty("data")).ToList();
        await session.ChangeAsync(uri, 2, line, character, line, character, insert);

        var delta = await session.ResultAsync(LspMethods.TextDocumentSemanticTokensFullDelta,
            DocumentParams(uri, $"\"previousResultId\":{Json(first.GetProperty("resultId").GetString()!)}"));
        Assert.False(delta.TryGetProperty("data", out _));
        foreach (var edit in delta.GetProperty("edits").EnumerateArray().Reverse())
        {
            var start = edit.GetProperty("start").GetInt32();
            held.RemoveRange(start, edit.GetProperty("deleteCount").GetInt32());
            held.InsertRange(start, edit.TryGetProperty("data", out var data) ? Integers(data) : []);
        }

        var full = await session.ResultAsync(LspMethods.TextDocumentSemanticTokensFull, DocumentParams(uri));
        Assert.Equal(Integers(full.GetProperty("data")), held);
        Assert.NotEqual(first.GetProperty("resultId").GetString(), delta.GetProperty("resultId").GetString());
        if (insert.Length == 0) Assert.Equal(0, delta.GetProperty("edits").GetArrayLength());
    }

    [Fact]
    public async Task Semantic_tokens_delta_from_a_result_the_server_does_not_have_sends_all_tokens()
    {
        await using var session = await StartServerAsync();
        var uri = session.UriOf("first_touch.vml");
        var delta = await session.ResultAsync(LspMethods.TextDocumentSemanticTokensFullDelta, DocumentParams(uri, "\"previousResultId\":\"unknown\""));
        var full = await session.ResultAsync(LspMethods.TextDocumentSemanticTokensFull, DocumentParams(uri));

        Assert.False(delta.TryGetProperty("edits", out _));
        Assert.Equal(Integers(full.GetProperty("data")), Integers(delta.GetProperty("data")));
    }

    private static int[] Integers(System.Text.Json.JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetInt32())];

    [Fact]
    public async Task Folding_ranges_cover_declarations_and_text_blocks()
    {
        await using var session = await StartServerAsync();
        var ranges = (await session.ResultAsync(LspMethods.TextDocumentFoldingRange, DocumentParams(session.UriOf("first_touch.vml"))))
            .EnumerateArray().Select(r => (r.GetProperty("startLine").GetInt32(), r.GetProperty("endLine").GetInt32())).ToList();
        Assert.Contains((1, 19), ranges);
        Assert.Contains((14, 18), ranges);
    }

    [Fact]
    public async Task Code_lens_shows_the_spoken_length_of_each_template()
    {
        await using var session = await StartServerAsync();
        var lenses = await session.ResultAsync(LspMethods.TextDocumentCodeLens, DocumentParams(session.UriOf("first_touch.vml")));
        Assert.Equal(1, lenses.GetArrayLength());
        Assert.Matches(@"^≈ [\d.]+ s spoken of 30 s$", lenses[0].GetProperty("command").GetProperty("title").GetString());
    }
}
