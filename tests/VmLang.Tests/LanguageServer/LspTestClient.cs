using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using VmLang.LanguageServer;
using VmLang.LanguageServer.Documents;
using VmLang.LanguageServer.Protocol;

namespace VmLang.Tests.LanguageServer;

/// <summary>
/// Plays the LSP client against a server over in-memory pipes: either a bare
/// <see cref="LanguageServerConnection"/> with the test's own handlers (<see cref="StartAsync"/>), or the whole
/// VmLang server on a workspace folder (<see cref="StartServerAsync"/>). Every wait has a deadline, so a
/// missing message fails the test instead of hanging it.
/// </summary>
/// <remarks>
/// Messages are read in the background. A response to a request sent with an automatic id
/// (<see cref="CallAsync"/>, <see cref="ResultAsync"/>) goes to that request; requests from the whole server
/// (<c>client/registerCapability</c>) are answered with null; everything else is queued in arrival order for
/// <see cref="ReceiveAsync"/> and <see cref="WaitForDiagnosticsAsync"/>.
/// </remarks>
internal sealed class LspTestClient : IAsyncDisposable
{
    /// <summary>A deadline, not an expectation: a loaded CI machine must never hit it.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    // Automatic ids start far from the small ids tests write by hand.
    private const int FirstAutomaticId = 1_000_000;

    private const string ClientCapabilities = """{"workspace":{"didChangeWatchedFiles":{"dynamicRegistration":true}}}""";

    private readonly Pipe _toServer = new();
    private readonly Pipe _toClient = new();
    private readonly MessageWriter _writer;
    private readonly Task<int> _serverRun;
    private readonly Task _readLoop;
    private readonly IDisposable? _features;
    private readonly bool _answerServerRequests;
    private readonly TempFolder? _folder;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly Channel<JsonElement> _incoming = Channel.CreateUnbounded<JsonElement>();
    private int _nextId = FirstAutomaticId;

    private LspTestClient(Func<LanguageServerConnection, TextWriter, IDisposable?> register, TempFolder? folder)
    {
        _folder = folder;
        _answerServerRequests = folder is not null;
        Connection = new LanguageServerConnection(_toServer.Reader.AsStream(), _toClient.Writer.AsStream(), Log);
        _features = register(Connection, Log);
        _serverRun = Connection.RunAsync();
        _writer = new MessageWriter(_toServer.Writer.AsStream());
        var reader = new MessageReader(_toClient.Reader.AsStream(), TextWriter.Null);
        _readLoop = Task.Run(() => ReadLoopAsync(reader));
    }

    public LanguageServerConnection Connection { get; }

    /// <summary>What the server wrote to its stderr log.</summary>
    public StringWriter Log { get; } = new();

    /// <summary>The whole server's workspace folder.</summary>
    public string Folder => _folder?.Path ?? throw new InvalidOperationException("A bare connection has no workspace folder.");

    public Task<int> ServerRun => _serverRun.WaitAsync(Timeout);

    /// <summary>Starts a bare connection with an <c>initialize</c> handler plus <paramref name="register"/>'s, and optionally initializes it.</summary>
    public static async Task<LspTestClient> StartAsync(Action<LanguageServerConnection>? register = null, bool initialize = true)
    {
        var client = new LspTestClient(
            (connection, _) =>
            {
                connection.OnRequest<InitializeParams, InitializeResult>(LspMethods.Initialize, (_, _) =>
                    Task.FromResult(new InitializeResult { Capabilities = new ServerCapabilities { HoverProvider = true } }));
                register?.Invoke(connection);
                return null;
            },
            folder: null);

        if (initialize)
        {
            JsonElement response = await client.RequestAsync("0", LspMethods.Initialize, """{"capabilities":{}}""");
            Assert.True(response.TryGetProperty("result", out _), response.ToString());
        }

        return client;
    }

    /// <summary>
    /// Starts the whole VmLang server on a temp folder holding a copy of <c>examples/</c> (unless
    /// <paramref name="copyExamples"/> is false) plus <paramref name="extraFiles"/>, and initializes it.
    /// </summary>
    /// <param name="prepareFolder">Runs on the folder before the server starts, for what files cannot express (links, FIFOs).</param>
    public static async Task<LspTestClient> StartServerAsync(IReadOnlyDictionary<string, string>? extraFiles = null, bool copyExamples = true, Action<string>? prepareFolder = null)
    {
        var folder = new TempFolder();
        if (copyExamples)
        {
            foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "examples"), "*.vml"))
            {
                File.Copy(file, folder.Combine(Path.GetFileName(file)));
            }
        }

        foreach (var (name, text) in extraFiles ?? new Dictionary<string, string>())
        {
            folder.Write(name, text);
        }

        prepareFolder?.Invoke(folder.Path);
        var client = new LspTestClient(
            (connection, log) => VmLangLanguageServer.Register(connection, log, TimeProvider.System),
            folder);
        try
        {
            var initialize = await client.CallAsync(LspMethods.Initialize,
                $$$"""{"processId":null,"rootUri":{{{Json(DocumentUri.FromLocalPath(folder.Path))}}},"capabilities":{{{ClientCapabilities}}}}""");
            Assert.True(initialize.TryGetProperty("result", out _), initialize.ToString());
            await client.SendNotificationAsync(LspMethods.Initialized, "{}");
            return client;
        }
        catch
        {
            // The test never gets the client, so the folder would outlive it.
            await client.DisposeAsync();
            throw;
        }
    }

    public string UriOf(string fileName) => DocumentUri.FromLocalPath(Path.Combine(Folder, fileName));

    public static string Json(string value) => JsonSerializer.Serialize(value);

    /// <summary>Sends one message; <paramref name="json"/> is the whole body.</summary>
    public Task SendAsync(string json) => _writer.WriteAsync(Encoding.UTF8.GetBytes(json));

    /// <summary>Sends bytes as they are, without framing.</summary>
    public async Task SendRawAsync(string bytes)
    {
        Stream stream = _toServer.Writer.AsStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(bytes));
        await stream.FlushAsync();
    }

    /// <param name="id">JSON text of the id: <c>1</c> or <c>"a"</c>.</param>
    public Task SendRequestAsync(string id, string method, string? paramsJson = null) =>
        SendAsync(paramsJson is null
            ? $$"""{"jsonrpc":"2.0","id":{{id}},"method":"{{method}}"}"""
            : $$"""{"jsonrpc":"2.0","id":{{id}},"method":"{{method}}","params":{{paramsJson}}}""");

    public Task SendNotificationAsync(string method, string? paramsJson = null) =>
        SendAsync(paramsJson is null
            ? $$"""{"jsonrpc":"2.0","method":"{{method}}"}"""
            : $$"""{"jsonrpc":"2.0","method":"{{method}}","params":{{paramsJson}}}""");

    /// <summary>Sends a request with the given id and returns the next message, which the test expects to be its answer.</summary>
    public async Task<JsonElement> RequestAsync(string id, string method, string? paramsJson = null)
    {
        await SendRequestAsync(id, method, paramsJson);
        return await ReceiveAsync();
    }

    /// <summary>Sends a request with an automatic id and returns its response, whatever else arrives first.</summary>
    public async Task<JsonElement> CallAsync(string method, string paramsJson)
    {
        var id = Interlocked.Increment(ref _nextId);
        var response = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = response;
        await SendRequestAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture), method, paramsJson);
        return await response.Task.WaitAsync(Timeout);
    }

    /// <summary>The <c>result</c> of a request that must succeed.</summary>
    public async Task<JsonElement> ResultAsync(string method, string paramsJson)
    {
        var response = await CallAsync(method, paramsJson);
        Assert.True(response.TryGetProperty("result", out var result), $"{method} failed: {response}\n{Log}");
        return result;
    }

    /// <summary>The next message not taken by <see cref="CallAsync"/>.</summary>
    public async Task<JsonElement> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            return await _incoming.Reader.ReadAsync(timeout.Token);
        }
        catch (ChannelClosedException closed)
        {
            throw new InvalidOperationException("The server closed its output.", closed);
        }
        catch (OperationCanceledException timedOut)
        {
            throw new TimeoutException($"No message from the server.\n{Log}", timedOut);
        }
    }

    public Task OpenAsync(string uri, string text, int version = 1) =>
        SendNotificationAsync(LspMethods.TextDocumentDidOpen, $$$"""{"textDocument":{"uri":{{{Json(uri)}}},"languageId":"vmlang","version":{{{version}}},"text":{{{Json(text)}}}}}""");

    public Task ChangeAsync(string uri, int version, int line, int character, int endLine, int endCharacter, string text) =>
        SendNotificationAsync(LspMethods.TextDocumentDidChange,
            $$$"""{"textDocument":{"uri":{{{Json(uri)}}},"version":{{{version}}}},"contentChanges":[{"range":{"start":{"line":{{{line}}},"character":{{{character}}}},"end":{"line":{{{endLine}}},"character":{{{endCharacter}}}}},"text":{{{Json(text)}}}}]}""");

    public Task CloseAsync(string uri) =>
        SendNotificationAsync(LspMethods.TextDocumentDidClose, $$$"""{"textDocument":{"uri":{{{Json(uri)}}}}}""");

    /// <summary>
    /// Waits for a <c>publishDiagnostics</c> for <paramref name="uri"/> that satisfies <paramref name="accept"/>; skips
    /// other messages, adding the files other diagnostics were for to <paramref name="othersPublished"/> when given.
    /// </summary>
    public async Task<JsonElement[]> WaitForDiagnosticsAsync(string uri, Func<JsonElement[], bool>? accept = null, ICollection<string>? othersPublished = null)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            while (true)
            {
                var message = await _incoming.Reader.ReadAsync(timeout.Token);
                if (!message.TryGetProperty("method", out var method) || method.GetString() != LspMethods.TextDocumentPublishDiagnostics) continue;
                var parameters = message.GetProperty("params");
                if (parameters.GetProperty("uri").GetString() is var published && published != uri)
                {
                    othersPublished?.Add(published!);
                    continue;
                }
                var diagnostics = parameters.GetProperty("diagnostics").EnumerateArray().ToArray();
                if (accept is null || accept(diagnostics)) return diagnostics;
            }
        }
        catch (OperationCanceledException timedOut)
        {
            throw new TimeoutException($"No matching diagnostics for {uri}.\n{Log}", timedOut);
        }
    }

    public static Func<JsonElement[], bool> Has(string code) => diagnostics => diagnostics.Any(d => d.GetProperty("code").GetString() == code);

    public static Func<JsonElement[], bool> HasNo(string code) => diagnostics => !Has(code)(diagnostics);

    public static string Position(string uri, int line, int character) =>
        $$$"""{"textDocument":{"uri":{{{Json(uri)}}}},"position":{"line":{{{line}}},"character":{{{character}}}}}""";

    /// <summary><c>{"textDocument":{"uri":…}}</c>, with <paramref name="moreMembers"/> after it.</summary>
    public static string DocumentParams(string uri, string? moreMembers = null) =>
        "{\"textDocument\":{\"uri\":" + Json(uri) + "}" + (moreMembers is null ? "" : "," + moreMembers) + "}";

    /// <summary><see cref="Position"/> with more members, e.g. <c>"context":{…}</c> or <c>"newName":"x"</c>.</summary>
    public static string PositionWith(string uri, int line, int character, string moreMembers) =>
        Position(uri, line, character)[..^1] + "," + moreMembers + "}";

    /// <summary>Sends <c>shutdown</c> (optionally) and <c>exit</c>, and returns the server's exit code.</summary>
    public async Task<int> StopAsync(bool shutdownFirst = true)
    {
        if (shutdownFirst)
        {
            JsonElement response = await CallAsync(LspMethods.Shutdown, "null");
            Assert.Equal(JsonValueKind.Null, response.GetProperty("result").ValueKind);
        }

        await SendNotificationAsync(LspMethods.Exit);
        return await ServerRun;
    }

    private async Task ReadLoopAsync(MessageReader reader)
    {
        try
        {
            while (await reader.ReadAsync(CancellationToken.None) is { } body)
            {
                using var document = JsonDocument.Parse(body);
                var message = document.RootElement.Clone();
                var hasMethod = message.TryGetProperty("method", out _);
                var hasId = message.TryGetProperty("id", out var id);
                if (hasMethod && hasId && _answerServerRequests)
                {
                    await SendAsync($$"""{"jsonrpc":"2.0","id":{{id.GetRawText()}},"result":null}""");
                }
                else if (!hasMethod && hasId && id.ValueKind == JsonValueKind.Number && id.TryGetInt32(out var number) && _pending.TryRemove(number, out var response))
                {
                    response.TrySetResult(message);
                }
                else
                {
                    await _incoming.Writer.WriteAsync(message);
                }
            }
        }
        finally
        {
            _incoming.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_folder is not null && !_serverRun.IsCompleted)
            {
                await StopAsync();
            }
            else
            {
                await _toServer.Writer.CompleteAsync();
                await ServerRun;
            }
        }
        finally
        {
            await _toClient.Writer.CompleteAsync();
            await _readLoop.WaitAsync(Timeout);
            _features?.Dispose();
            _folder?.Dispose();
        }
    }
}
