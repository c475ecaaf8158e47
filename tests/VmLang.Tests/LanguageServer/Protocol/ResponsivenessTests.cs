using System.Text;
using System.Text.Json;
using VmLang.LanguageServer;
using VmLang.LanguageServer.Protocol;

namespace VmLang.Tests.LanguageServer.Protocol;

/// <summary>
/// Issue 12, item 6: the server stays responsive. Slow work never holds up other requests, cancellation is
/// answered at once, a malformed frame costs no other frame, and unreadable notifications are reported.
/// "Slow" is a gate the test holds closed, never a duration.
/// </summary>
public sealed class ResponsivenessTests
{
    private const string HoverOnB = """{"textDocument":{"uri":"file:///b.vml"},"position":{"line":0,"character":0}}""";
    private const string SymbolsOfA = """{"textDocument":{"uri":"file:///a.vml"}}""";

    // Row 16: document symbols on a big file, then a hover on another file, then $/cancelRequest. The work is
    // synchronous and does not look at its token until the gate opens, as a CPU-bound handler would.
    [Fact]
    public async Task While_slow_work_is_blocked_another_documents_request_is_answered_and_a_cancel_is_answered_at_once()
    {
        using var gate = new ManualResetEventSlim();
        var working = new TaskCompletionSource();
        await using LspTestClient client = await LspTestClient.StartAsync(c =>
        {
            c.OnRequest<DocumentSymbolParams, string, IReadOnlyList<DocumentSymbol>>(
                LspMethods.TextDocumentDocumentSymbol,
                request => request.TextDocument.Uri,
                (_, _, _) =>
                {
                    working.SetResult();
                    gate.Wait();
                    return [];
                });
            c.OnRequest<TextDocumentPositionParams, string, Hover?>(
                LspMethods.TextDocumentHover,
                request => request.TextDocument.Uri,
                (_, uri, _) => new Hover { Contents = new MarkupContent { Kind = MarkupKind.PlainText, Value = uri } });
        });

        try
        {
            await client.SendRequestAsync("1", LspMethods.TextDocumentDocumentSymbol, SymbolsOfA);
            await working.Task.WaitAsync(LspTestClient.Timeout);

            JsonElement hover = await client.RequestAsync("2", LspMethods.TextDocumentHover, HoverOnB);
            JsonRpcAssert.HasId(hover, "2");
            Assert.Equal("file:///b.vml", hover.GetProperty("result").GetProperty("contents").GetProperty("value").GetString());

            await client.SendNotificationAsync(LspMethods.CancelRequest, """{"id":1}""");
            JsonElement cancelled = await client.ReceiveAsync();
            JsonRpcAssert.HasId(cancelled, "1");
            JsonRpcAssert.IsError(cancelled, JsonRpcErrorCodes.RequestCancelled);
            Assert.False(gate.IsSet);
        }
        finally
        {
            gate.Set();
        }

        // The abandoned work ends in the background; the server goes on answering.
        JsonRpcAssert.HasId(await client.RequestAsync("3", LspMethods.TextDocumentHover, HoverOnB), "3");
    }

    [Fact]
    public async Task Work_that_observes_its_token_stops_on_cancel()
    {
        var stopped = new TaskCompletionSource();
        var working = new TaskCompletionSource();
        await using LspTestClient client = await LspTestClient.StartAsync(c =>
            c.OnRequest<DocumentSymbolParams, string, IReadOnlyList<DocumentSymbol>>(
                LspMethods.TextDocumentDocumentSymbol,
                request => request.TextDocument.Uri,
                (_, _, cancellationToken) =>
                {
                    working.SetResult();
                    try
                    {
                        while (true)
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                            Thread.Yield();
                        }
                    }
                    finally
                    {
                        stopped.SetResult();
                    }
                }));

        await client.SendRequestAsync("\"s\"", LspMethods.TextDocumentDocumentSymbol, SymbolsOfA);
        await working.Task.WaitAsync(LspTestClient.Timeout);
        await client.SendNotificationAsync(LspMethods.CancelRequest, """{"id":"s"}""");

        JsonRpcAssert.IsError(await client.ReceiveAsync(), JsonRpcErrorCodes.RequestCancelled);
        await stopped.Task.WaitAsync(LspTestClient.Timeout);
    }

    // The ordering rule: the snapshot is taken as the request arrives, after every earlier notification and
    // before any later one, even though the work runs elsewhere and later.
    [Fact]
    public async Task A_snapshot_sees_every_earlier_notification_and_no_later_one()
    {
        string text = "";
        using var gate = new ManualResetEventSlim();
        await using LspTestClient client = await LspTestClient.StartAsync(c =>
        {
            c.OnNotification<DidOpenTextDocumentParams>(LspMethods.TextDocumentDidOpen, opened =>
            {
                text = opened.TextDocument.Text;
                return Task.CompletedTask;
            });
            c.OnRequest<TextDocumentPositionParams, string, Hover?>(
                LspMethods.TextDocumentHover,
                _ => text,
                (_, seen, _) =>
                {
                    gate.Wait();
                    return new Hover { Contents = new MarkupContent { Kind = MarkupKind.PlainText, Value = seen } };
                });
        });

        await client.SendNotificationAsync(LspMethods.TextDocumentDidOpen, Open("first"));
        await client.SendRequestAsync("1", LspMethods.TextDocumentHover, HoverOnB);
        await client.SendNotificationAsync(LspMethods.TextDocumentDidOpen, Open("second"));
        JsonRpcAssert.HasId(await client.RequestAsync("2", "no/such/method"), "2");
        gate.Set();

        JsonElement hover = await client.ReceiveAsync();
        JsonRpcAssert.HasId(hover, "1");
        Assert.Equal("first", hover.GetProperty("result").GetProperty("contents").GetProperty("value").GetString());
        Assert.Equal("second", text);
    }

    // Row 15. Each bad frame is followed by a well-formed request, in the same write (as a client that does
    // not wait would send them) and in a later write (as one that waits for an answer would).
    [Theory]
    [InlineData(40, true)]
    [InlineData(40, false)]
    [InlineData(1000, false)]
    [InlineData(-7, true)]
    [InlineData(-7, false)]
    public async Task A_frame_with_a_wrong_content_length_does_not_cost_the_next_request(int lengthError, bool sameWrite)
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        string bad = """{"jsonrpc":"2.0","id":1,"method":"no/such/method","params":{"text":"Content-Length: 5"}}""";
        string badFrame = $"Content-Length: {Encoding.UTF8.GetByteCount(bad) + lengthError}\r\n\r\n{bad}";
        string good = Frame("""{"jsonrpc":"2.0","id":2,"method":"no/such/method"}""");

        if (sameWrite)
        {
            await client.SendRawAsync(badFrame + good);
        }
        else
        {
            await client.SendRawAsync(badFrame);
            await client.SendRawAsync(good);
        }

        Assert.Contains("2", await ReceiveIdsUntilAsync(client, "2"));
    }

    [Theory]
    [InlineData("junk")]
    [InlineData("{\"half\":\"a message")]
    [InlineData("\r\nstray: line\r\n}")]
    public async Task Junk_glued_before_a_header_does_not_cost_the_request(string junk)
    {
        await using LspTestClient client = await LspTestClient.StartAsync();

        await client.SendRawAsync(junk + Frame("""{"jsonrpc":"2.0","id":3,"method":"no/such/method"}"""));

        Assert.Contains("3", await ReceiveIdsUntilAsync(client, "3"));
    }

    [Fact]
    public async Task A_did_open_whose_params_cannot_be_read_is_reported_to_the_client()
    {
        await using LspTestClient client = await LspTestClient.StartAsync(c =>
            c.OnNotification<DidOpenTextDocumentParams>(LspMethods.TextDocumentDidOpen, _ => Task.CompletedTask));

        await client.SendNotificationAsync(LspMethods.TextDocumentDidOpen, """{"textDocument":{"uri":"file:///a.vml","languageId":"vmlang","version":"one","text":"x"}}""");

        JsonElement shown = await client.ReceiveAsync();
        Assert.Equal(LspMethods.WindowShowMessage, shown.GetProperty("method").GetString());
        Assert.Equal((int)MessageType.Error, shown.GetProperty("params").GetProperty("type").GetInt32());
        string message = shown.GetProperty("params").GetProperty("message").GetString()!;
        Assert.Contains(LspMethods.TextDocumentDidOpen, message);
        Assert.Contains("file:///a.vml", message);
    }

    // Each of the server's feature requests takes its snapshot on the dispatch loop and works on the thread
    // pool; registered the other way, a slow one would block every message behind it (row 16).
    [Theory]
    [InlineData(LspMethods.TextDocumentHover)]
    [InlineData(LspMethods.TextDocumentCompletion)]
    [InlineData(LspMethods.TextDocumentDefinition)]
    [InlineData(LspMethods.TextDocumentReferences)]
    [InlineData(LspMethods.TextDocumentPrepareRename)]
    [InlineData(LspMethods.TextDocumentRename)]
    [InlineData(LspMethods.TextDocumentDocumentSymbol)]
    [InlineData(LspMethods.TextDocumentSemanticTokensFull)]
    [InlineData(LspMethods.TextDocumentFoldingRange)]
    [InlineData(LspMethods.TextDocumentFormatting)]
    [InlineData(LspMethods.TextDocumentCodeAction)]
    [InlineData(LspMethods.TextDocumentCodeLens)]
    [InlineData(LspMethods.VmLangPreview)]
    [InlineData(LspMethods.VmLangListen)]
    public void Every_feature_request_of_the_server_works_on_the_thread_pool(string method)
    {
        var connection = new LanguageServerConnection(Stream.Null, Stream.Null, TextWriter.Null);
        using IDisposable features = VmLangLanguageServer.Register(connection, TextWriter.Null, TimeProvider.System);

        Assert.True(connection.RunsOnThreadPool(method));
        Assert.False(connection.RunsOnThreadPool(LspMethods.Initialize));
    }

    private static string Open(string text) =>
        $$$"""{"textDocument":{"uri":"file:///b.vml","languageId":"vmlang","version":1,"text":"{{{text}}}"}}""";

    private static string Frame(string body) => $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}";

    /// <summary>The ids of the responses received up to and including the one with <paramref name="last"/>.</summary>
    private static async Task<List<string>> ReceiveIdsUntilAsync(LspTestClient client, string last)
    {
        var ids = new List<string>();
        while (!ids.Contains(last))
        {
            JsonElement message = await client.ReceiveAsync();
            ids.Add(message.TryGetProperty("id", out JsonElement id) ? id.GetRawText() : "(none)");
        }

        return ids;
    }
}
