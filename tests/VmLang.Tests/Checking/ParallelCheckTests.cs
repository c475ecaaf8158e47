using VmLang.Benchmarks;
using VmLang.Syntax;
using VmLang.Tests.Cli;

namespace VmLang.Tests.Checking;

/// <summary>
/// A check works file by file on every core (read and parse, bind, rules); its output must be exactly a
/// one-thread check's, diagnostics and order, whatever order the files finish in.
/// </summary>
public sealed class ParallelCheckTests(ParallelCheckTests.GeneratedWorkspace workspace) : IClassFixture<ParallelCheckTests.GeneratedWorkspace>
{
    /// <summary>Big enough for several files (100 templates each), each with diagnostics of several codes; written once for the class.</summary>
    public sealed class GeneratedWorkspace : IDisposable
    {
        private readonly TempFolder _folder = new([.. CheckWorkspace.Create(450_000, rulesetPhrases: 50, faults: true)]);

        public string Value => _folder.Path;

        public void Dispose() => _folder.Dispose();
    }

    private GeneratedWorkspace Workspace { get; } = workspace;

    [Theory]
    [InlineData("json")]
    [InlineData("text")]
    [InlineData("sarif")]
    public void Parallel_check_prints_exactly_what_a_one_thread_check_prints(string format)
    {
        CliResult oneThread;
        using (ParallelWork.Limit(1)) oneThread = CliRunner.Run("check", Workspace.Value, "--format", format);
        var parallel = CliRunner.Run("check", Workspace.Value, "--format", format);

        Assert.Equal(oneThread.ExitCode, parallel.ExitCode);
        Assert.Equal(oneThread.Stdout, parallel.Stdout);
        Assert.Equal(oneThread.Stderr, parallel.Stderr);
    }

    [Fact]
    public void The_generated_workspace_has_diagnostics_of_many_codes_in_every_file()
    {
        var result = CliRunner.Run("check", Workspace.Value);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var codes = lines.Select(line => line.Split(": ")[1].Split(' ')[1]).ToHashSet();
        Assert.Superset(new HashSet<string> { "VML0101", "VML0103", "VML0111", "VML0201", "VML0204", "VML0207", "VML1001", "VML1004", "VML1100" }, codes);
        var files = lines.Select(line => line[..line.IndexOf('(')]).Distinct().Count();
        Assert.True(files >= 5, $"diagnostics in {files} files");
    }

    [Fact]
    public void Binding_and_rules_on_many_threads_give_a_one_thread_compilations_diagnostics()
    {
        var files = CheckWorkspace.Create(450_000, rulesetPhrases: 1000, seed: 7, faults: true);
        string Check()
        {
            var trees = files.Select(f => SyntaxTree.Parse(f.Text, f.Path));
            return string.Join('\n', Compilation.Create(trees).GetDiagnostics().Select(d => d.ToCanonicalString(d.Location.FilePath)));
        }

        string oneThread;
        using (ParallelWork.Limit(1)) oneThread = Check();
        Assert.NotEmpty(oneThread);
        for (var run = 0; run < 3; run++) Assert.Equal(oneThread, Check());
    }
}
