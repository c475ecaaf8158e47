using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using VmLang.LanguageServer;
using VmLang.LanguageServer.Documents;
using VmLang.LanguageServer.Protocol;

namespace VmLang.Tests.LanguageServer.Features;

/// <summary>
/// A client session against the whole VmLang server (every feature registered) over in-memory pipes:
/// responses are matched to requests by id, notifications are queued, and requests from the server
/// (<c>client/registerCapability</c>) are answered with null.
/// </summary>
internal sealed class ServerSession : IAsyncDisposable
{
    // A deadline so that a lost answer fails the test, not an expectation of speed: on a loaded machine a
    // 100,000-level document (DeepNestingTests) takes seconds per request.
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly Pipe _toServer = new();
    private readonly Pipe _toClient = new();
    private readonly MessageWriter _writer;
    private readonly MessageReader _reader;
    private readonly Task<int> _serverRun;
    private readonly Task _readLoop;
    private readonly IDisposable _features;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly Channel<JsonElement> _notifications = Channel.CreateUnbounded<JsonElement>();
    private int _nextId;

    private ServerSession(string folder)
    {
        Folder = folder;
        var connection = new LanguageServerConnection(_toServer.Reader.AsStream(), _toClient.Writer.AsStream(), Log);
        _features = VmLangLanguageServer.Register(connection, Log, TimeProvider.System, TimeSpan.FromMilliseconds(20));
        _serverRun = connection.RunAsync();
        _writer = new MessageWriter(_toServer.Writer.AsStream());
        _reader = new MessageReader(_toClient.Reader.AsStream(), TextWriter.Null);
        _readLoop = Task.Run(ReadLoopAsync);
    }

    /// <summary>The workspace folder: a fresh copy of the examples unless the test wrote its own files first.</summary>
    public string Folder { get; }

    public StringWriter Log { get; } = new();

    public string UriOf(string fileName) => DocumentUri.FromLocalPath(Path.Combine(Folder, fileName));

    /// <summary>Copies <c>examples/</c> (plus <paramref name="extraFiles"/>) to a temp folder and initializes the server on it.</summary>
    /// <param name="prepareFolder">Runs on the folder before the server starts, for what files cannot express (links, FIFOs).</param>
    public static async Task<ServerSession> StartAsync(IReadOnlyDictionary<string, string>? extraFiles = null, bool copyExamples = true, Action<string>? prepareFolder = null)
    {
        var folder = Directory.CreateTempSubdirectory("vmlang-lsp-").FullName;
        if (copyExamples)
        {
            foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "examples"), "*.vml"))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }
        }
        foreach (var (name, text) in extraFiles ?? new Dictionary<string, string>()) File.WriteAllText(Path.Combine(folder, name), text);
        prepareFolder?.Invoke(folder);

        var session = new ServerSession(folder);
        var rootUri = DocumentUri.FromLocalPath(folder);
        var initialize = await session.RequestAsync(LspMethods.Initialize,
            $$$"""{"processId":null,"rootUri":{{{Json(rootUri)}}},"capabilities":{{{Capabilities}}}}""");
        Assert.True(initialize.TryGetProperty("result", out _), initialize.ToString());
        await session.NotifyAsync(LspMethods.Initialized, "{}");
        return session;
    }

    private const string Capabilities = """{"workspace":{"didChangeWatchedFiles":{"dynamicRegistration":true}}}""";

    public static string Json(string value) => JsonSerializer.Serialize(value);

    public async Task<JsonElement> RequestAsync(string method, string paramsJson)
    {
        var id = Interlocked.Increment(ref _nextId);
        var response = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = response;
        await SendAsync($$$"""{"jsonrpc":"2.0","id":{{{id}}},"method":"{{{method}}}","params":{{{paramsJson}}}}""");
        return await response.Task.WaitAsync(Timeout);
    }

    /// <summary>The <c>result</c> of a request that must succeed.</summary>
    public async Task<JsonElement> ResultAsync(string method, string paramsJson)
    {
        var response = await RequestAsync(method, paramsJson);
        Assert.True(response.TryGetProperty("result", out var result), $"{method} failed: {response}\n{Log}");
        return result;
    }

    public Task NotifyAsync(string method, string paramsJson) =>
        SendAsync($$$"""{"jsonrpc":"2.0","method":"{{{method}}}","params":{{{paramsJson}}}}""");

    public Task SendAsync(string json) => _writer.WriteAsync(Encoding.UTF8.GetBytes(json));

    public Task OpenAsync(string uri, string text, int version = 1) =>
        NotifyAsync(LspMethods.TextDocumentDidOpen, $$$"""{"textDocument":{"uri":{{{Json(uri)}}},"languageId":"vmlang","version":{{{version}}},"text":{{{Json(text)}}}}}""");

    public Task ChangeAsync(string uri, int version, int line, int character, int endLine, int endCharacter, string text) =>
        NotifyAsync(LspMethods.TextDocumentDidChange,
            $$$"""{"textDocument":{"uri":{{{Json(uri)}}},"version":{{{version}}}},"contentChanges":[{"range":{"start":{"line":{{{line}}},"character":{{{character}}}},"end":{"line":{{{endLine}}},"character":{{{endCharacter}}}}},"text":{{{Json(text)}}}}]}""");

    public Task CloseAsync(string uri) =>
        NotifyAsync(LspMethods.TextDocumentDidClose, $$$"""{"textDocument":{"uri":{{{Json(uri)}}}}}""");

    /// <summary>
    /// Waits for a <c>publishDiagnostics</c> for <paramref name="uri"/> that satisfies <paramref name="accept"/>; skips
    /// others, adding the files they were for to <paramref name="othersPublished"/> when given.
    /// </summary>
    public async Task<JsonElement[]> WaitForDiagnosticsAsync(string uri, Func<JsonElement[], bool>? accept = null, ICollection<string>? othersPublished = null)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            while (true)
            {
                var notification = await _notifications.Reader.ReadAsync(timeout.Token);
                if (notification.GetProperty("method").GetString() != LspMethods.TextDocumentPublishDiagnostics) continue;
                var parameters = notification.GetProperty("params");
                if (parameters.GetProperty("uri").GetString() is var published && published != uri)
                {
                    othersPublished?.Add(published!);
                    continue;
                }
                var diagnostics = parameters.GetProperty("diagnostics").EnumerateArray().ToArray();
                if (accept is null || accept(diagnostics)) return diagnostics;
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No matching diagnostics for {uri}.\n{Log}");
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

    private async Task ReadLoopAsync()
    {
        while (await _reader.ReadAsync(CancellationToken.None) is { } body)
        {
            using var document = JsonDocument.Parse(body);
            var message = document.RootElement.Clone();
            var hasMethod = message.TryGetProperty("method", out _);
            var hasId = message.TryGetProperty("id", out var id);
            if (hasMethod && hasId)
            {
                await SendAsync($$"""{"jsonrpc":"2.0","id":{{id.GetRawText()}},"result":null}""");
            }
            else if (hasMethod)
            {
                await _notifications.Writer.WriteAsync(message);
            }
            else if (hasId && id.ValueKind == JsonValueKind.Number && _pending.TryRemove(id.GetInt32(), out var response))
            {
                response.TrySetResult(message);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RequestAsync(LspMethods.Shutdown, "null");
            await NotifyAsync(LspMethods.Exit, "null");
            await _serverRun.WaitAsync(Timeout);
        }
        finally
        {
            await _toClient.Writer.CompleteAsync();
            _features.Dispose();
            try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
        }
    }
}
