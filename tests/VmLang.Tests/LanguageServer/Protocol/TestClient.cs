using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using VmLang.LanguageServer;
using VmLang.LanguageServer.Protocol;

namespace VmLang.Tests.LanguageServer.Protocol;

/// <summary>
/// Plays the LSP client against a <see cref="LanguageServerConnection"/> over in-memory pipes.
/// Every wait has a timeout, so a missing message fails the test instead of hanging it.
/// </summary>
internal sealed class TestClient : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly Pipe toServer = new();
    private readonly Pipe toClient = new();
    private readonly MessageReader reader;
    private readonly MessageWriter writer;
    private readonly Task<int> serverRun;

    private TestClient(Action<LanguageServerConnection> register)
    {
        Connection = new LanguageServerConnection(toServer.Reader.AsStream(), toClient.Writer.AsStream(), Log);
        register(Connection);
        serverRun = Connection.RunAsync();
        reader = new MessageReader(toClient.Reader.AsStream(), TextWriter.Null);
        writer = new MessageWriter(toServer.Writer.AsStream());
    }

    public LanguageServerConnection Connection { get; }

    /// <summary>What the server wrote to its stderr log.</summary>
    public StringWriter Log { get; } = new();

    public Task<int> ServerRun => serverRun.WaitAsync(Timeout);

    /// <summary>Starts a server with an <c>initialize</c> handler plus <paramref name="register"/>'s, and optionally initializes it.</summary>
    public static async Task<TestClient> StartAsync(Action<LanguageServerConnection>? register = null, bool initialize = true)
    {
        var client = new TestClient(connection =>
        {
            connection.OnRequest<InitializeParams, InitializeResult>(LspMethods.Initialize, (_, _) =>
                Task.FromResult(new InitializeResult { Capabilities = new ServerCapabilities { HoverProvider = true } }));
            register?.Invoke(connection);
        });

        if (initialize)
        {
            JsonElement response = await client.RequestAsync("0", LspMethods.Initialize, """{"capabilities":{}}""");
            Assert.True(response.TryGetProperty("result", out _), response.ToString());
        }

        return client;
    }

    /// <summary>Sends one message; <paramref name="json"/> is the whole body.</summary>
    public Task SendAsync(string json) => writer.WriteAsync(Encoding.UTF8.GetBytes(json));

    /// <summary>Sends bytes as they are, without framing.</summary>
    public async Task SendRawAsync(string bytes)
    {
        Stream stream = toServer.Writer.AsStream();
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

    public async Task<JsonElement> RequestAsync(string id, string method, string? paramsJson = null)
    {
        await SendRequestAsync(id, method, paramsJson);
        return await ReceiveAsync();
    }

    public async Task<JsonElement> ReceiveAsync()
    {
        byte[] body = await reader.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Timeout)
            ?? throw new InvalidOperationException("The server closed its output.");
        using JsonDocument document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>Sends <c>shutdown</c> (optionally) and <c>exit</c>, and returns the server's exit code.</summary>
    public async Task<int> StopAsync(bool shutdownFirst = true)
    {
        if (shutdownFirst)
        {
            JsonElement response = await RequestAsync("\"shutdown\"", LspMethods.Shutdown);
            Assert.Equal(JsonValueKind.Null, response.GetProperty("result").ValueKind);
        }

        await SendNotificationAsync(LspMethods.Exit);
        return await ServerRun;
    }

    public async ValueTask DisposeAsync()
    {
        await toServer.Writer.CompleteAsync();
        await serverRun.WaitAsync(Timeout);
    }
}
