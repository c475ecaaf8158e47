using System.Text.Json;
using VmLang.LanguageServer;
using VmLang.LanguageServer.Protocol;
using Range = VmLang.LanguageServer.Protocol.Range;

namespace VmLang.Tests.LanguageServer.Protocol;

public sealed class LanguageServerConnectionTests
{
    private static readonly string HoverParams = """{"textDocument":{"uri":"file:///a.vml"},"position":{"line":0,"character":0}}""";

    [Fact]
    public async Task Request_is_answered_with_the_handlers_result()
    {
        await using LspTestClient client = await LspTestClient.StartAsync(c =>
            c.OnRequest<TextDocumentPositionParams, Hover?>(LspMethods.TextDocumentHover, (p, _) =>
                Task.FromResult<Hover?>(new Hover
                {
                    Contents = new MarkupContent { Kind = MarkupKind.Markdown, Value = $"line {p.Position.Line} in {p.TextDocument.Uri}" },
                })));

        JsonElement response = await client.RequestAsync("1", LspMethods.TextDocumentHover, HoverParams);

        Assert.Equal("2.0", response.GetProperty("jsonrpc").GetString());
        JsonRpcAssert.HasId(response, "1");
        JsonElement contents = response.GetProperty("result").GetProperty("contents");
        Assert.Equal("markdown", contents.GetProperty("kind").GetString());
        Assert.Equal("line 0 in file:///a.vml", contents.GetProperty("value").GetString());
        Assert.False(response.GetProperty("result").TryGetProperty("range", out _));
    }

    [Fact]
    public async Task Null_result_is_written_as_result_null()
    {
        await using LspTestClient client = await LspTestClient.StartAsync(c =>
            c.OnRequest<TextDocumentPositionParams, Hover?>(LspMethods.TextDocumentHover, (_, _) => Task.FromResult<Hover?>(null)));

        JsonElement response = await client.RequestAsync("1", LspMethods.TextDocumentHover, HoverParams);

        Assert.Equal(JsonValueKind.Null, response.GetProperty("result").ValueKind);
        Assert.False(response.TryGetProperty("error", out _));
    }

    [Theory]
    [InlineData("7")]
    [InlineData("\"7\"")]
    [InlineData("\"req-é\"")]
    [InlineData("9007199254740993")]
    public async Task Request_id_is_echoed_exactly(string id)
    {
        await using LspTestClient client = await LspTestClient.StartAsync(c =>
            c.OnRequest<TextDocumentPositionParams, Hover?>(LspMethods.TextDocumentHover, (_, _) => Task.FromResult<Hover?>(null)));

        JsonRpcAssert.HasId(await client.RequestAsync(id, LspMethods.TextDocumentHover, HoverParams), id);
        JsonRpcAssert.HasId(await client.RequestAsync(id, "no/such/method"), id);
    }

    [Fact]
    public async Task Unknown_method_is_method_not_found()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();

        JsonElement response = await client.RequestAsync("3", "textDocument/unknown", "{}");

        JsonRpcAssert.IsError(response, JsonRpcErrorCodes.MethodNotFound);
        JsonRpcAssert.HasId(response, "3");
    }

    [Fact]
    public async Task Unknown_dollar_request_is_method_not_found()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();

        JsonRpcAssert.IsError(await client.RequestAsync("3", "$/somethingOptional"), JsonRpcErrorCodes.MethodNotFound);
    }

    [Fact]
    public async Task Malformed_json_is_parse_error_with_null_id_and_the_next_request_is_answered()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();

        await client.SendAsync("""{"jsonrpc":"2.0","id":4,"method":""");
        JsonElement parseError = await client.ReceiveAsync();
        JsonRpcAssert.IsError(parseError, JsonRpcErrorCodes.ParseError);
        Assert.Equal(JsonValueKind.Null, parseError.GetProperty("id").ValueKind);

        JsonRpcAssert.IsError(await client.RequestAsync("5", "no/such/method"), JsonRpcErrorCodes.MethodNotFound);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":6,"method":42}""", "6")]
    [InlineData("""{"jsonrpc":"2.0","id":{"nested":1},"method":"x"}""", "null")]
    [InlineData("""{"jsonrpc":"2.0","id":1.5,"method":"x"}""", "null")]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"method":"x"}]""", "null")]
    [InlineData("""{"jsonrpc":"2.0"}""", "null")]
    [InlineData("null", "null")]
    public async Task Json_that_is_not_a_message_is_invalid_request(string message, string expectedId)
    {
        await using LspTestClient client = await LspTestClient.StartAsync();

        await client.SendAsync(message);
        JsonElement response = await client.ReceiveAsync();

        JsonRpcAssert.IsError(response, JsonRpcErrorCodes.InvalidRequest);
        JsonRpcAssert.HasId(response, expectedId);
        JsonRpcAssert.IsError(await client.RequestAsync("7", "no/such/method"), JsonRpcErrorCodes.MethodNotFound);
    }

    [Fact]
    public async Task Bad_header_is_logged_and_skipped_and_the_next_request_is_answered()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();

        await client.SendRawAsync("Content-Length: twelve\r\n\r\n{\"id\":1}");
        JsonElement response = await client.RequestAsync("8", "no/such/method");

        JsonRpcAssert.HasId(response, "8");
        Assert.Contains("invalid Content-Length", client.Log.ToString());
    }

    [Fact]
    public async Task Invalid_params_is_invalid_params()
    {
        await using LspTestClient client = await LspTestClient.StartAsync(c =>
            c.OnRequest<TextDocumentPositionParams, Hover?>(LspMethods.TextDocumentHover, (_, _) => Task.FromResult<Hover?>(null)));

        JsonRpcAssert.IsError(await client.RequestAsync("1", LspMethods.TextDocumentHover, """{"position":{"line":0,"character":0}}"""), JsonRpcErrorCodes.InvalidParams);
        JsonRpcAssert.IsError(await client.RequestAsync("2", LspMethods.TextDocumentHover, """{"textDocument":null,"position":{"line":0,"character":0}}"""), JsonRpcErrorCodes.InvalidParams);
        JsonRpcAssert.IsError(await client.RequestAsync("3", LspMethods.TextDocumentHover), JsonRpcErrorCodes.InvalidParams);
    }

    [Fact]
    public async Task Cancel_request_cancels_the_handlers_token_and_answers_request_cancelled()
    {
        var started = new TaskCompletionSource();
        await using LspTestClient client = await LspTestClient.StartAsync(c =>
            c.OnRequest<TextDocumentPositionParams, Hover?>(LspMethods.TextDocumentHover, async (_, cancellationToken) =>
            {
                started.SetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return null;
            }));

        await client.SendRequestAsync("\"slow\"", LspMethods.TextDocumentHover, HoverParams);
        await started.Task.WaitAsync(LspTestClient.Timeout);
        await client.SendNotificationAsync(LspMethods.CancelRequest, """{"id":"slow"}""");

        JsonElement response = await client.ReceiveAsync();
        JsonRpcAssert.IsError(response, JsonRpcErrorCodes.RequestCancelled);
        JsonRpcAssert.HasId(response, "\"slow\"");
    }

    [Fact]
    public async Task Cancel_request_for_a_finished_or_unknown_request_is_ignored()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();

        await client.SendNotificationAsync(LspMethods.CancelRequest, """{"id":12345}""");
        await client.SendNotificationAsync(LspMethods.CancelRequest, """{"nonsense":true}""");

        JsonRpcAssert.HasId(await client.RequestAsync("1", "no/such/method"), "1");
    }

    [Fact]
    public async Task Requests_run_concurrently_so_a_slow_one_does_not_block_the_next()
    {
        var release = new TaskCompletionSource<Hover?>();
        await using LspTestClient client = await LspTestClient.StartAsync(c =>
        {
            c.OnRequest<TextDocumentPositionParams, Hover?>(LspMethods.TextDocumentHover, (_, _) => release.Task);
            c.OnRequest<DocumentSymbolParams, IReadOnlyList<DocumentSymbol>>(LspMethods.TextDocumentDocumentSymbol, (_, _) =>
                Task.FromResult<IReadOnlyList<DocumentSymbol>>([]));
        });

        await client.SendRequestAsync("1", LspMethods.TextDocumentHover, HoverParams);
        JsonRpcAssert.HasId(await client.RequestAsync("2", LspMethods.TextDocumentDocumentSymbol, """{"textDocument":{"uri":"file:///a.vml"}}"""), "2");

        release.SetResult(null);
        JsonRpcAssert.HasId(await client.ReceiveAsync(), "1");
    }

    [Fact]
    public async Task Handler_exception_is_internal_error_and_the_server_keeps_running()
    {
        int calls = 0;
        await using LspTestClient client = await LspTestClient.StartAsync(c =>
            c.OnRequest<TextDocumentPositionParams, Hover?>(LspMethods.TextDocumentHover, (_, _) =>
                ++calls == 1 ? throw new InvalidOperationException("boom") : Task.FromResult<Hover?>(null)));

        JsonElement failed = await client.RequestAsync("1", LspMethods.TextDocumentHover, HoverParams);
        JsonRpcAssert.IsError(failed, JsonRpcErrorCodes.InternalError);
        Assert.Contains("boom", failed.GetProperty("error").GetProperty("message").GetString());
        Assert.Contains("boom", client.Log.ToString());

        JsonElement next = await client.RequestAsync("2", LspMethods.TextDocumentHover, HoverParams);
        Assert.Equal(JsonValueKind.Null, next.GetProperty("result").ValueKind);
    }

    [Fact]
    public async Task Response_error_exception_answers_with_its_code()
    {
        await using LspTestClient client = await LspTestClient.StartAsync(c =>
            c.OnRequest<TextDocumentPositionParams, PrepareRenameResult?>(LspMethods.TextDocumentPrepareRename, async (_, _) =>
            {
                await Task.Yield();
                throw new ResponseErrorException(JsonRpcErrorCodes.RequestFailed, "Nothing to rename here.");
            }));

        JsonElement response = await client.RequestAsync("1", LspMethods.TextDocumentPrepareRename, HoverParams);

        JsonRpcAssert.IsError(response, JsonRpcErrorCodes.RequestFailed);
        Assert.Equal("Nothing to rename here.", response.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Notifications_reach_their_handler_in_order_and_unhandled_ones_are_ignored()
    {
        var opened = new List<string>();
        await using LspTestClient client = await LspTestClient.StartAsync(c =>
            c.OnNotification<DidOpenTextDocumentParams>(LspMethods.TextDocumentDidOpen, p =>
            {
                opened.Add(p.TextDocument.Text);
                return Task.CompletedTask;
            }));

        await client.SendNotificationAsync(LspMethods.TextDocumentDidOpen, """{"textDocument":{"uri":"file:///a.vml","languageId":"vmlang","version":1,"text":"one"}}""");
        await client.SendNotificationAsync("$/setTrace", """{"value":"off"}""");
        await client.SendNotificationAsync("custom/unhandled", "{}");
        await client.SendNotificationAsync(LspMethods.TextDocumentDidOpen, """{"textDocument":{"uri":"file:///b.vml","languageId":"vmlang","version":1,"text":"two"}}""");

        // Nothing is sent for notifications, so the next message is this request's answer.
        JsonRpcAssert.HasId(await client.RequestAsync("1", "no/such/method"), "1");
        Assert.Equal(["one", "two"], opened);
    }

    [Fact]
    public async Task Notification_handler_exception_is_logged_and_the_server_keeps_running()
    {
        await using LspTestClient client = await LspTestClient.StartAsync(c =>
            c.OnNotification<DidCloseTextDocumentParams>(LspMethods.TextDocumentDidClose, _ => throw new InvalidOperationException("close failed")));

        await client.SendNotificationAsync(LspMethods.TextDocumentDidClose, """{"textDocument":{"uri":"file:///a.vml"}}""");
        await client.SendNotificationAsync(LspMethods.TextDocumentDidClose, """{"wrong":1}""");

        // Params that cannot be read are the client's to know about; a failing handler is the server's log's.
        JsonElement shown = await client.ReceiveAsync();
        Assert.Equal(LspMethods.WindowShowMessage, shown.GetProperty("method").GetString());
        Assert.Contains("Invalid params", shown.GetProperty("params").GetProperty("message").GetString());
        JsonRpcAssert.HasId(await client.RequestAsync("1", "no/such/method"), "1");
        Assert.Contains("close failed", client.Log.ToString());
        Assert.Contains("Invalid params", client.Log.ToString());
    }

    [Fact]
    public async Task Initialized_notification_without_params_still_reaches_its_handler()
    {
        var initialized = new TaskCompletionSource();
        await using LspTestClient client = await LspTestClient.StartAsync(c =>
            c.OnNotification<InitializedParams>(LspMethods.Initialized, _ =>
            {
                initialized.SetResult();
                return Task.CompletedTask;
            }));

        await client.SendNotificationAsync(LspMethods.Initialized);

        await initialized.Task.WaitAsync(LspTestClient.Timeout);
    }

    [Fact]
    public async Task Before_initialize_requests_are_server_not_initialized_and_notifications_dropped()
    {
        bool notified = false;
        await using LspTestClient client = await LspTestClient.StartAsync(
            c => c.OnNotification<DidCloseTextDocumentParams>(LspMethods.TextDocumentDidClose, _ =>
            {
                notified = true;
                return Task.CompletedTask;
            }),
            initialize: false);

        await client.SendNotificationAsync(LspMethods.TextDocumentDidClose, """{"textDocument":{"uri":"file:///a.vml"}}""");
        JsonRpcAssert.IsError(await client.RequestAsync("1", LspMethods.TextDocumentHover, HoverParams), JsonRpcErrorCodes.ServerNotInitialized);
        JsonRpcAssert.IsError(await client.RequestAsync("2", LspMethods.Shutdown), JsonRpcErrorCodes.ServerNotInitialized);

        JsonElement initialize = await client.RequestAsync("3", LspMethods.Initialize, """{"processId":null,"rootUri":null,"capabilities":{}}""");
        Assert.True(initialize.GetProperty("result").GetProperty("capabilities").GetProperty("hoverProvider").GetBoolean());
        Assert.False(notified);
    }

    [Fact]
    public async Task Second_initialize_is_invalid_request()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();

        JsonRpcAssert.IsError(await client.RequestAsync("1", LspMethods.Initialize, """{"capabilities":{}}"""), JsonRpcErrorCodes.InvalidRequest);
    }

    [Fact]
    public async Task After_shutdown_requests_are_invalid_and_exit_ends_with_code_zero()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();

        JsonElement shutdown = await client.RequestAsync("1", LspMethods.Shutdown);
        Assert.Equal(JsonValueKind.Null, shutdown.GetProperty("result").ValueKind);
        JsonRpcAssert.IsError(await client.RequestAsync("2", "no/such/method"), JsonRpcErrorCodes.InvalidRequest);
        JsonRpcAssert.IsError(await client.RequestAsync("3", LspMethods.Shutdown), JsonRpcErrorCodes.InvalidRequest);

        Assert.Equal(0, await client.StopAsync(shutdownFirst: false));
    }

    [Fact]
    public async Task Exit_without_shutdown_ends_with_code_one()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();

        Assert.Equal(1, await client.StopAsync(shutdownFirst: false));
    }

    [Fact]
    public async Task End_of_input_ends_the_loop()
    {
        LspTestClient client = await LspTestClient.StartAsync();

        await client.DisposeAsync();

        Assert.Equal(1, await client.ServerRun);
    }

    [Fact]
    public async Task Exit_cancels_requests_still_running()
    {
        var cancelled = new TaskCompletionSource();
        await using LspTestClient client = await LspTestClient.StartAsync(c =>
            c.OnRequest<TextDocumentPositionParams, Hover?>(LspMethods.TextDocumentHover, async (_, cancellationToken) =>
            {
                using CancellationTokenRegistration registration = cancellationToken.Register(cancelled.SetResult);
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return null;
            }));

        await client.SendRequestAsync("1", LspMethods.TextDocumentHover, HoverParams);
        Assert.Equal(0, await client.StopAsync());

        await cancelled.Task.WaitAsync(LspTestClient.Timeout);
    }

    [Fact]
    public async Task Server_notification_is_sent_with_camel_case_names_and_without_nulls()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();

        await client.Connection.PublishDiagnosticsAsync(new PublishDiagnosticsParams
        {
            Uri = "file:///a.vml",
            Version = 3,
            Diagnostics =
            [
                new Diagnostic
                {
                    Range = new Range(new Position(1, 2), new Position(1, 5)),
                    Severity = DiagnosticSeverity.Warning,
                    Code = "VML1002",
                    Source = "vmlang",
                    Message = "Begging for a callback.",
                },
            ],
        });

        JsonElement notification = await client.ReceiveAsync();
        Assert.Equal(LspMethods.TextDocumentPublishDiagnostics, notification.GetProperty("method").GetString());
        Assert.False(notification.TryGetProperty("id", out _));
        JsonElement diagnostic = notification.GetProperty("params").GetProperty("diagnostics")[0];
        Assert.Equal(
            """{"range":{"start":{"line":1,"character":2},"end":{"line":1,"character":5}},"severity":2,"code":"VML1002","source":"vmlang","message":"Begging for a callback."}""",
            diagnostic.GetRawText());
    }

    [Fact]
    public async Task Log_message_is_sent_as_window_log_message()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();

        await client.Connection.LogMessageAsync(MessageType.Warning, "vmlang.json: unknown key 'foo'");

        JsonElement notification = await client.ReceiveAsync();
        Assert.Equal(LspMethods.WindowLogMessage, notification.GetProperty("method").GetString());
        Assert.Equal("""{"type":2,"message":"vmlang.json: unknown key 'foo'"}""", notification.GetProperty("params").GetRawText());
    }

    [Fact]
    public async Task Server_request_is_answered_through_its_id()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();

        Task<IReadOnlyList<JsonElement>> configuration = client.Connection.GetConfigurationAsync(
            new ConfigurationParams { Items = [new ConfigurationItem { Section = "vmlang" }, new ConfigurationItem { Section = "other" }] });
        Task registration = client.Connection.RegisterCapabilityAsync(new RegistrationParams
        {
            Registrations = [new Registration { Id = "watch", Method = LspMethods.WorkspaceDidChangeWatchedFiles }],
        });

        JsonElement configurationRequest = await client.ReceiveAsync();
        JsonElement registrationRequest = await client.ReceiveAsync();
        Assert.Equal(LspMethods.WorkspaceConfiguration, configurationRequest.GetProperty("method").GetString());
        Assert.Equal("vmlang", configurationRequest.GetProperty("params").GetProperty("items")[0].GetProperty("section").GetString());
        Assert.Equal(LspMethods.ClientRegisterCapability, registrationRequest.GetProperty("method").GetString());

        // Answer out of order: routing is by id.
        await client.SendAsync($$"""{"jsonrpc":"2.0","id":{{registrationRequest.GetProperty("id").GetRawText()}},"result":null}""");
        await client.SendAsync($$"""{"jsonrpc":"2.0","id":{{configurationRequest.GetProperty("id").GetRawText()}},"result":[{"maxSeconds":20},null]}""");

        await registration.WaitAsync(LspTestClient.Timeout);
        IReadOnlyList<JsonElement> settings = await configuration.WaitAsync(LspTestClient.Timeout);
        Assert.Equal(20, settings[0].GetProperty("maxSeconds").GetInt32());
        Assert.Equal(JsonValueKind.Null, settings[1].ValueKind);
    }

    [Fact]
    public async Task Server_request_answered_with_an_error_throws_response_error_exception()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();

        Task registration = client.Connection.RegisterCapabilityAsync(new RegistrationParams { Registrations = [] });
        JsonElement request = await client.ReceiveAsync();
        await client.SendAsync($$$"""{"jsonrpc":"2.0","id":{{{request.GetProperty("id").GetRawText()}}},"error":{"code":-32601,"message":"not supported"}}""");

        var error = await Assert.ThrowsAsync<ResponseErrorException>(() => registration.WaitAsync(LspTestClient.Timeout));
        Assert.Equal(JsonRpcErrorCodes.MethodNotFound, error.Code);
        Assert.Equal("not supported", error.Message);
    }

    [Fact]
    public async Task Server_request_cancelled_tells_the_client()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        using var cancellation = new CancellationTokenSource();

        Task registration = client.Connection.RegisterCapabilityAsync(new RegistrationParams { Registrations = [] }, cancellation.Token);
        JsonElement request = await client.ReceiveAsync();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => registration.WaitAsync(LspTestClient.Timeout));
        JsonElement cancel = await client.ReceiveAsync();
        Assert.Equal(LspMethods.CancelRequest, cancel.GetProperty("method").GetString());
        Assert.Equal(request.GetProperty("id").GetRawText(), cancel.GetProperty("params").GetProperty("id").GetRawText());
    }

    [Fact]
    public async Task Server_request_still_unanswered_when_the_connection_ends_is_cancelled()
    {
        LspTestClient client = await LspTestClient.StartAsync();

        Task registration = client.Connection.RegisterCapabilityAsync(new RegistrationParams { Registrations = [] });
        await client.ReceiveAsync();
        await client.DisposeAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => registration.WaitAsync(LspTestClient.Timeout));
    }

    [Fact]
    public async Task Concurrent_responses_never_interleave()
    {
        const int count = 50;
        var release = new TaskCompletionSource();
        await using LspTestClient client = await LspTestClient.StartAsync(c =>
            c.OnRequest<TextDocumentPositionParams, Hover?>(LspMethods.TextDocumentHover, async (p, _) =>
            {
                await release.Task;
                return new Hover { Contents = new MarkupContent { Kind = MarkupKind.PlainText, Value = new string('x', 2000 + p.Position.Line) } };
            }));

        for (int i = 0; i < count; i++)
        {
            await client.SendRequestAsync($"{i}", LspMethods.TextDocumentHover, $$$"""{"textDocument":{"uri":"file:///a.vml"},"position":{"line":{{{i}}},"character":0}}""");
        }

        // All handlers resume at once on the thread pool and write their answers concurrently.
        release.SetResult();
        var seen = new HashSet<int>();
        for (int i = 0; i < count; i++)
        {
            JsonElement response = await client.ReceiveAsync();
            int id = response.GetProperty("id").GetInt32();
            Assert.Equal(2000 + id, response.GetProperty("result").GetProperty("contents").GetProperty("value").GetString()!.Length);
            seen.Add(id);
        }

        Assert.Equal(count, seen.Count);
    }

    [Fact]
    public async Task Registration_rejects_duplicates_built_ins_and_unknown_types()
    {
        await using LspTestClient client = await LspTestClient.StartAsync(c =>
        {
            Assert.Throws<ArgumentException>(() => c.OnRequest<TextDocumentPositionParams, Hover?>(LspMethods.Initialize, (_, _) => Task.FromResult<Hover?>(null)));
            Assert.Throws<ArgumentException>(() => c.OnNotification<InitializedParams>(LspMethods.Exit, _ => Task.CompletedTask));
            Assert.Throws<InvalidOperationException>(() => c.OnRequest<TextDocumentPositionParams, Version>("x", (_, _) => Task.FromResult(new Version())));
        });

        Assert.Throws<InvalidOperationException>(() => client.Connection.OnNotification<InitializedParams>("late", _ => Task.CompletedTask));
    }
}
