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

    // Issue 12, row 8: the link became a regular file and the file it pointed at stayed unformatted.
    [Fact]
    public void A_symbolic_link_is_written_through_to_its_target_and_stays_a_link()
    {
        var target = Path.Combine(_folder, "real", "target.vml");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, Messy);
        var link = Path.Combine(_folder, "link.vml");
        File.CreateSymbolicLink(link, Path.Combine("real", "target.vml"));

        var (exit, stdout, _) = Run("fmt", link);

        Assert.Equal(0, exit);
        Assert.Contains("formatted", stdout);
        Assert.Equal(Path.Combine("real", "target.vml"), new FileInfo(link).LinkTarget);
        Assert.Equal(Formatted, File.ReadAllText(target));
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp", SearchOption.AllDirectories));
    }

    // Issue 12, row 9: a 0600 file became 0644, readable by everyone.
    [Theory]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite)]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead)]
    public void The_files_permissions_are_kept(UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows()) return; // Unix modes only.
        var file = Path.Combine(_folder, "private.vml");
        File.WriteAllText(file, Messy);
        File.SetUnixFileMode(file, mode);

        Assert.Equal(0, Run("fmt", file).Exit);

        Assert.Equal(Formatted, File.ReadAllText(file));
        Assert.Equal(mode, File.GetUnixFileMode(file));
    }

    // Issue 12, row 9: a hard-linked file was replaced by a copy, so its other name kept the old text.
    [Fact]
    public void A_hard_linked_file_is_written_in_place_so_every_name_sees_the_new_text()
    {
        if (OperatingSystem.IsWindows()) return; // ln is the tool at hand to make a hard link.
        var file = Path.Combine(_folder, "a.vml");
        var otherName = Path.Combine(_folder, "elsewhere.txt");
        // Longer than its formatted text, so the copy must also cut the file short.
        File.WriteAllText(file, "template   t   for   voicemail   {   slot   x  :  text   }\n");
        using (var ln = System.Diagnostics.Process.Start("ln", [file, otherName])) ln.WaitForExit();

        Assert.Equal(0, Run("fmt", file).Exit);

        Assert.Equal(File.ReadAllText(file), File.ReadAllText(otherName));
        Assert.Equal(Formatted, File.ReadAllText(otherName));
        File.AppendAllText(file, "// still one file\n");
        Assert.EndsWith("// still one file\n", File.ReadAllText(otherName));
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }
}
