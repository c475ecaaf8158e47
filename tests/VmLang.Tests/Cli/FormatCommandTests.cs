using VmLang.Cli;

namespace VmLang.Tests.Cli;

public sealed class FormatCommandTests : IDisposable
{
    private const string Messy = "template t for voicemail{ slot x:text }\n";
    private const string Formatted = "template t for voicemail {\n  slot x : text\n}\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("vmlang-fmt-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CliApplication.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Check_lists_files_that_would_change_writes_nothing_and_exits_1()
    {
        var file = Path.Combine(_folder, "a.vml");
        File.WriteAllText(file, Messy);
        File.WriteAllText(Path.Combine(_folder, "b.vml"), Formatted);

        var (exit, stdout, _) = Run("fmt", "--check", _folder);

        Assert.Equal(1, exit);
        Assert.Contains("a.vml", stdout);
        Assert.DoesNotContain("b.vml", stdout);
        Assert.Equal(Messy, File.ReadAllText(file));
    }

    [Fact]
    public void Fmt_rewrites_files_in_place_and_then_check_passes()
    {
        var file = Path.Combine(_folder, "a.vml");
        File.WriteAllText(file, Messy);

        Assert.Equal(0, Run("fmt", _folder).Exit);
        Assert.Equal(Formatted, File.ReadAllText(file));
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
        Assert.Equal(0, Run("fmt", "--check", file).Exit);
    }

    [Fact]
    public void A_byte_order_mark_is_written_back()
    {
        var file = Path.Combine(_folder, "bom.vml");
        File.WriteAllBytes(file, [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(Messy)]);

        Run("fmt", file);

        Assert.Equal([0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(Formatted)], File.ReadAllBytes(file));
    }

    [Fact]
    public void Files_with_syntax_errors_are_left_alone_and_reported()
    {
        var file = Path.Combine(_folder, "broken.vml");
        File.WriteAllText(file, "template t for voicemail { slot : }");

        var (exit, _, stderr) = Run("fmt", _folder);

        Assert.Equal(1, exit);
        Assert.Contains("syntax errors", stderr);
        Assert.Equal("template t for voicemail { slot : }", File.ReadAllText(file));
    }

    [Fact]
    public void A_missing_path_exits_2()
    {
        Assert.Equal(2, Run("fmt", Path.Combine(_folder, "nope")).Exit);
        Assert.Equal(2, Run("fmt", "--check", Path.Combine(_folder, "nope.vml")).Exit);
    }
}
