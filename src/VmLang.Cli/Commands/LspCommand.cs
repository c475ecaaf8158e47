using System.CommandLine;
using VmLang.LanguageServer;

namespace VmLang.Cli.Commands;

/// <summary>
/// <c>vmlang lsp [--stdio]</c>: the language server on the process's raw stdin and stdout (the only
/// transport; <c>--stdio</c> is accepted because clients such as vscode-languageclient append it).
/// Logs go to stderr. Runs until the client sends <c>exit</c> or closes stdin.
/// </summary>
internal static class LspCommand
{
    public static Command Create(TextWriter stderr)
    {
        var stdio = new Option<bool>("--stdio") { Description = "Talk LSP over stdin/stdout (the default and only transport)." };
        var command = new Command("lsp", "Run the VmLang language server on stdin/stdout.") { stdio };
        command.SetAction((_, cancellationToken) => Run(stderr, cancellationToken));
        return command;
    }

    private static async Task<int> Run(TextWriter stderr, CancellationToken cancellationToken)
    {
        // Raw streams: Console.Out would add its own encoding and buffering to the protocol.
        OutputPipe.TryEnlarge(1);
        await using var input = Console.OpenStandardInput();
        await using var output = Console.OpenStandardOutput();
        return await VmLangLanguageServer.RunAsync(input, output, stderr, cancellationToken).ConfigureAwait(false);
    }
}
