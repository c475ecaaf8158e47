using System.Text.Json;
using VmLang.LanguageServer.Protocol;
using Range = VmLang.LanguageServer.Protocol.Range;

namespace VmLang.Tests.LanguageServer.Protocol;

public sealed class LspJsonTests
{
    [Fact]
    public void Server_capabilities_serialize_to_the_lsp_shape()
    {
        var result = new InitializeResult
        {
            Capabilities = new ServerCapabilities
            {
                TextDocumentSync = new TextDocumentSyncOptions { OpenClose = true, Change = TextDocumentSyncKind.Incremental, Save = new SaveOptions() },
                CompletionProvider = new CompletionOptions { TriggerCharacters = ["{", "|"] },
                RenameProvider = new RenameOptions { PrepareProvider = true },
                SemanticTokensProvider = new SemanticTokensOptions
                {
                    Legend = new SemanticTokensLegend { TokenTypes = ["keyword"], TokenModifiers = [] },
                    Full = new SemanticTokensFullOptions { Delta = true },
                },
                CodeActionProvider = new CodeActionOptions { CodeActionKinds = [CodeActionKind.QuickFix] },
                Workspace = new WorkspaceServerCapabilities { WorkspaceFolders = new WorkspaceFoldersServerCapabilities { Supported = true, ChangeNotifications = true } },
            },
            ServerInfo = new ServerInfo { Name = "vmlang" },
        };

        Assert.Equal(
            """{"capabilities":{"textDocumentSync":{"openClose":true,"change":2,"save":{"includeText":false}},"completionProvider":{"triggerCharacters":["{","|"]},"renameProvider":{"prepareProvider":true},"semanticTokensProvider":{"legend":{"tokenTypes":["keyword"],"tokenModifiers":[]},"full":{"delta":true}},"codeActionProvider":{"codeActionKinds":["quickfix"]},"workspace":{"workspaceFolders":{"supported":true,"changeNotifications":true}}},"serverInfo":{"name":"vmlang"}}""",
            JsonSerializer.Serialize(result, LspJsonContext.Default.InitializeResult));
    }

    [Fact]
    public void Workspace_edit_keeps_document_uris_as_keys()
    {
        var edit = new WorkspaceEdit
        {
            Changes = new Dictionary<string, IReadOnlyList<TextEdit>>
            {
                ["file:///Tmp/A.vml"] = [new TextEdit { Range = new Range(new Position(0, 0), new Position(0, 1)), NewText = "b" }],
            },
        };

        Assert.Equal(
            """{"changes":{"file:///Tmp/A.vml":[{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":1}},"newText":"b"}]}}""",
            JsonSerializer.Serialize(edit, LspJsonContext.Default.WorkspaceEdit));
    }

    [Fact]
    public void Code_lens_command_is_named_command()
    {
        var lens = new CodeLens
        {
            Range = default,
            Command = new Command { Title = "Render", Name = "vmlang.render", Arguments = [JsonSerializer.SerializeToElement("first_touch", LspJsonContext.Default.String)] },
        };

        Assert.Equal(
            """{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"command":{"title":"Render","command":"vmlang.render","arguments":["first_touch"]}}""",
            JsonSerializer.Serialize(lens, LspJsonContext.Default.CodeLens));
    }

    [Theory]
    [InlineData("""{"id":3}""", "3")]
    [InlineData("""{"id":"3"}""", "\"3\"")]
    public void Cancel_params_accept_number_and_string_ids(string json, string expected)
    {
        CancelParams cancel = JsonSerializer.Deserialize(json, LspJsonContext.Default.CancelParams)!;

        Assert.Equal(expected, cancel.Id.ToString());
        Assert.Equal(json, JsonSerializer.Serialize(cancel, LspJsonContext.Default.CancelParams));
        Assert.NotEqual(new RequestId(3), new RequestId("3"));
    }

    [Fact]
    public void Did_change_reads_incremental_and_full_changes()
    {
        DidChangeTextDocumentParams change = JsonSerializer.Deserialize(
            """
            {"textDocument":{"uri":"file:///a.vml","version":4},"contentChanges":[
              {"range":{"start":{"line":1,"character":2},"end":{"line":1,"character":4}},"rangeLength":2,"text":"xy"},
              {"text":"all new"}]}
            """,
            LspJsonContext.Default.DidChangeTextDocumentParams)!;

        Assert.Equal(4, change.TextDocument.Version);
        Assert.Equal(new Range(new Position(1, 2), new Position(1, 4)), change.ContentChanges[0].Range);
        Assert.Null(change.ContentChanges[1].Range);
        Assert.Equal("all new", change.ContentChanges[1].Text);
    }

    [Fact]
    public void Initialize_params_tolerates_nulls_and_unknown_members()
    {
        InitializeParams initialize = JsonSerializer.Deserialize(
            """{"processId":null,"rootPath":null,"rootUri":"file:///w","capabilities":{"textDocument":{}},"trace":"off","workspaceFolders":[{"uri":"file:///w","name":"w"}]}""",
            LspJsonContext.Default.InitializeParams)!;

        Assert.Equal("file:///w", initialize.RootUri);
        Assert.Equal("w", initialize.WorkspaceFolders![0].Name);
        Assert.Equal(JsonValueKind.Object, initialize.Capabilities.ValueKind);
    }

    [Fact]
    public void Watched_file_events_and_configuration_settings_are_read()
    {
        DidChangeWatchedFilesParams files = JsonSerializer.Deserialize(
            """{"changes":[{"uri":"file:///w/vmlang.json","type":2},{"uri":"file:///w/old.vml","type":3}]}""",
            LspJsonContext.Default.DidChangeWatchedFilesParams)!;
        DidChangeConfigurationParams configuration = JsonSerializer.Deserialize(
            """{"settings":{"vmlang":{"maxSeconds":20}}}""",
            LspJsonContext.Default.DidChangeConfigurationParams)!;

        Assert.Equal([FileChangeType.Changed, FileChangeType.Deleted], files.Changes.Select(change => change.Type));
        Assert.Equal(20, configuration.Settings!.Value.GetProperty("vmlang").GetProperty("maxSeconds").GetInt32());
    }

    [Theory]
    [InlineData("""{"uri":"file:///a.vml"}""")]
    [InlineData("""{"uri":"file:///a.vml","languageId":"vmlang","version":1,"text":null}""")]
    public void Missing_or_null_required_members_are_rejected(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, LspJsonContext.Default.TextDocumentItem));
    }

    [Fact]
    public void Type_info_for_an_unlisted_type_says_what_to_add()
    {
        var error = Assert.Throws<InvalidOperationException>(LspJsonContext.TypeInfo<Version>);

        Assert.Contains("[JsonSerializable(typeof(Version))]", error.Message);
    }
}
