using System.CommandLine;
using VmLang.Diagnostics;

namespace VmLang.Cli.Commands;

/// <summary><c>vmlang explain CODE</c>: the rule's doc page — what it checks, why, a bad and a good example.</summary>
internal static class ExplainCommand
{
    public static Command Create(TextWriter stdout)
    {
        var code = new Argument<string>("code") { Description = "A diagnostic code such as VML1002." };
        var command = new Command("explain", "Explain what a diagnostic code checks and why.") { code };
        command.SetAction(result =>
        {
            var given = result.GetValue(code)!.Trim();
            if (DiagnosticDocs.Find(given) is not { } doc)
            {
                throw new CliInputException($"unknown diagnostic code '{given}'; codes are {string.Join(", ", DiagnosticDescriptors.All.Select(d => d.Code))}");
            }
            stdout.WriteLine(doc.Markdown.TrimEnd());
            return CliApplication.Success;
        });
        return command;
    }
}
