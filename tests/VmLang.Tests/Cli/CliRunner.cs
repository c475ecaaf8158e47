using VmLang.Cli;

namespace VmLang.Tests.Cli;

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);

/// <summary>Runs <c>vmlang</c> in-process with captured output, and makes throw-away workspaces.</summary>
internal static class CliRunner
{
    public static CliResult Run(params string[] args) => RunWithInput(null, args);

    /// <summary>Runs with <paramref name="stdin"/> as standard input (UTF-8), for <c>render --data -</c>.</summary>
    public static CliResult RunWithInput(string? stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(stdin ?? ""));
        var exit = CliApplication.Run(args, stdout, stderr, () => input);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    public static string Workspace(params (string Name, string Text)[] files)
    {
        var root = Path.Combine(Path.GetTempPath(), "vmlang-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        foreach (var (name, text) in files)
        {
            var path = Path.Combine(root, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
        return root;
    }

    /// <summary>The good examples only: a workspace that must check clean.</summary>
    public static string CleanExamples()
    {
        var names = new[] { "house.vml", "first_touch.vml", "second_touch.vml", "breakup.vml", "front_desk.vml", "q4_outbound.vml", "vmlang.json" };
        return Workspace([.. names.Select(n => (n, File.ReadAllText(TestPaths.Example(n))))]);
    }
}
