namespace VmLang.Tests.Cli;

public sealed class FormatCommandTests : IDisposable
{
    private const string Messy = "template t for voicemail{ slot x:text }\n";
    private const string Formatted = "template t for voicemail {\n  slot x : text\n}\n";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Check_lists_files_that_would_change_writes_nothing_and_exits_1()
    {
        var file = Path.Combine(_temp.Path, "a.vml");
        File.WriteAllText(file, Messy);
        File.WriteAllText(Path.Combine(_temp.Path, "b.vml"), Formatted);

        var (exit, stdout, _) = CliRunner.Run("fmt", "--check", _temp.Path);

        Assert.Equal(1, exit);
        Assert.Contains("a.vml", stdout);
        Assert.DoesNotContain("b.vml", stdout);
        Assert.Equal(Messy, File.ReadAllText(file));
    }

    [Fact]
    public void Fmt_rewrites_files_in_place_and_then_check_passes()
    {
        var file = Path.Combine(_temp.Path, "a.vml");
        File.WriteAllText(file, Messy);

        Assert.Equal(0, CliRunner.Run("fmt", _temp.Path).ExitCode);
        Assert.Equal(Formatted, File.ReadAllText(file));
        Assert.Empty(Directory.GetFiles(_temp.Path, "*.tmp"));
        Assert.Equal(0, CliRunner.Run("fmt", "--check", file).ExitCode);
    }

    [Fact]
    public void A_byte_order_mark_is_written_back()
    {
        var file = Path.Combine(_temp.Path, "bom.vml");
        File.WriteAllBytes(file, [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(Messy)]);

        CliRunner.Run("fmt", file);

        Assert.Equal([0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(Formatted)], File.ReadAllBytes(file));
    }

    [Fact]
    public void Files_with_syntax_errors_are_left_alone_and_reported()
    {
        var file = Path.Combine(_temp.Path, "broken.vml");
        File.WriteAllText(file, "template t for voicemail { slot : }");

        var (exit, _, stderr) = CliRunner.Run("fmt", _temp.Path);

        Assert.Equal(1, exit);
        Assert.Contains("syntax errors", stderr);
        Assert.Equal("template t for voicemail { slot : }", File.ReadAllText(file));
    }

    [Fact]
    public void A_missing_path_exits_2()
    {
        Assert.Equal(2, CliRunner.Run("fmt", Path.Combine(_temp.Path, "nope")).ExitCode);
        Assert.Equal(2, CliRunner.Run("fmt", "--check", Path.Combine(_temp.Path, "nope.vml")).ExitCode);
    }

    // Issue 12, row 8: the link became a regular file and the file it pointed at stayed unformatted.
    [Fact]
    public void A_symbolic_link_is_written_through_to_its_target_and_stays_a_link()
    {
        var target = Path.Combine(_temp.Path, "real", "target.vml");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, Messy);
        var link = Path.Combine(_temp.Path, "link.vml");
        File.CreateSymbolicLink(link, Path.Combine("real", "target.vml"));

        var (exit, stdout, _) = CliRunner.Run("fmt", link);

        Assert.Equal(0, exit);
        Assert.Contains("formatted", stdout);
        Assert.Equal(Path.Combine("real", "target.vml"), new FileInfo(link).LinkTarget);
        Assert.Equal(Formatted, File.ReadAllText(target));
        Assert.Empty(Directory.GetFiles(_temp.Path, "*.tmp", SearchOption.AllDirectories));
    }

    // Issue 12, row 9: a 0600 file became 0644, readable by everyone.
    [Theory]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite)]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead)]
    public void The_files_permissions_are_kept(UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows()) return; // Unix modes only.
        var file = Path.Combine(_temp.Path, "private.vml");
        File.WriteAllText(file, Messy);
        File.SetUnixFileMode(file, mode);

        Assert.Equal(0, CliRunner.Run("fmt", file).ExitCode);

        Assert.Equal(Formatted, File.ReadAllText(file));
        Assert.Equal(mode, File.GetUnixFileMode(file));
    }

    // Issue 12, row 9: a hard-linked file was replaced by a copy, so its other name kept the old text.
    [Fact]
    public void A_hard_linked_file_is_written_in_place_so_every_name_sees_the_new_text()
    {
        if (OperatingSystem.IsWindows()) return; // ln is the tool at hand to make a hard link.
        var file = Path.Combine(_temp.Path, "a.vml");
        var otherName = Path.Combine(_temp.Path, "elsewhere.txt");
        // Longer than its formatted text, so the copy must also cut the file short.
        File.WriteAllText(file, "template   t   for   voicemail   {   slot   x  :  text   }\n");
        using (var ln = System.Diagnostics.Process.Start("ln", [file, otherName])) ln.WaitForExit();

        Assert.Equal(0, CliRunner.Run("fmt", file).ExitCode);

        Assert.Equal(File.ReadAllText(file), File.ReadAllText(otherName));
        Assert.Equal(Formatted, File.ReadAllText(otherName));
        File.AppendAllText(file, "// still one file\n");
        Assert.EndsWith("// still one file\n", File.ReadAllText(otherName));
        Assert.Empty(Directory.GetFiles(_temp.Path, "*.tmp"));
    }
}
