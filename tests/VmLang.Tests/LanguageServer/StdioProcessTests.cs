using System.Text;
using System.Text.Json;
using VmLang.LanguageServer.Documents;
using VmLang.LanguageServer.Protocol;
using VmLang.Tests.Cli;

namespace VmLang.Tests.LanguageServer;

/// <summary>
/// The real <c>vmlang lsp --stdio</c> process (the CLI built next to this assembly) over its stdin and
/// stdout: the transport, the host and the exit code, which in-process tests cannot see.
/// </summary>
public class StdioProcessTests
{
    [Fact]
    public async Task The_process_publishes_diagnostics_and_exits_0_after_shutdown_and_exit()
    {
        using var workspace = new TempFolder();
        var folder = workspace.Path;
        var file = workspace.Write("broken.vml", "sequence s { day 1 nowhere }\n");
        using var process = CliRunner.Start(["lsp", "--stdio"]);
        var stderr = process.StandardError.ReadToEndAsync();
        var writer = new MessageWriter(process.StandardInput.BaseStream);
        var reader = new MessageReader(process.StandardOutput.BaseStream, TextWriter.Null);
        Task Send(string json) => writer.WriteAsync(Encoding.UTF8.GetBytes(json));
        async Task<JsonElement> Receive(Func<JsonElement, bool> accept)
        {
            while (true)
            {
                var body = await reader.ReadAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30))
                    ?? throw new InvalidOperationException($"the server closed stdout: {await stderr}");
                var message = JsonDocument.Parse(body).RootElement.Clone();
                if (accept(message)) return message;
            }
        }

        try
        {
            var rootUri = JsonSerializer.Serialize(DocumentUri.FromLocalPath(folder));
            await Send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"rootUri\":" + rootUri + ",\"capabilities\":{}}}");
            var initialized = await Receive(m => m.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number && id.GetInt32() == 1);
            Assert.True(initialized.GetProperty("result").GetProperty("capabilities").GetProperty("hoverProvider").GetBoolean());
            Assert.True(initialized.GetProperty("result").GetProperty("capabilities").GetProperty("semanticTokensProvider").GetProperty("full").GetProperty("delta").GetBoolean());
            await Send("""{"jsonrpc":"2.0","method":"initialized","params":{}}""");

            var published = await Receive(m => m.TryGetProperty("method", out var method) && method.GetString() == LspMethods.TextDocumentPublishDiagnostics);
            Assert.Equal(DocumentUri.FromLocalPath(file), published.GetProperty("params").GetProperty("uri").GetString());
            Assert.Equal("VML0108", published.GetProperty("params").GetProperty("diagnostics")[0].GetProperty("code").GetString());

            // A frame whose Content-Length runs into the next frame costs that frame nothing (issue 12, row 15).
            await process.StandardInput.BaseStream.WriteAsync("Content-Length: 90\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"$/x\"}"u8.ToArray());
            await Send("""{"jsonrpc":"2.0","id":2,"method":"shutdown"}""");
            await Receive(m => m.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number && id.GetInt32() == 2);
            await Send("""{"jsonrpc":"2.0","method":"exit"}""");
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }
}
