using System.Text;

namespace VmLang.Tests.Cli;

/// <summary>
/// Writes keep what was there (spec §9): <c>--out</c> naming a file, a rejects file that cannot be
/// written and a failed write are exit 2 with a message naming what could not be written, no
/// temporary file is left, and the totals line is still printed.
/// </summary>
public class RenderWriteFailureTests
{
    private const string Header = "prospect,rep,pain,outcome,when,number,referrer";
    private const string TwoGoodRows = Header + "\nDana Reyes,Sam,Volume grew,cut waits,Thursday,8172249900,\nLee Park,Sam,Costs rose,cut them,Friday,8172249901,\n";

    private static TempFolder Workspace(string data)
    {
        var workspace = TempFolder.WithExamples("house.vml", "first_touch.vml");
        workspace.Write("data.csv", data);
        return workspace;
    }

    private static CliResult Render(string root, params string[] extra) =>
        CliRunner.Run(["render", Path.Combine(root, "first_touch.vml"), "--template", "first_touch", "--data", Path.Combine(root, "data.csv"), .. extra]);

    [Fact]
    public void Out_naming_an_existing_file_is_exit_2_and_the_file_is_untouched()
    {
        using var workspace = Workspace(TwoGoodRows);
        var root = workspace.Path;
        var file = Path.Combine(root, "notes.txt");
        File.WriteAllText(file, "keep me");

        var result = Render(root, "--out", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"vmlang: --out '{file}' is a file, not a folder; name a folder for the scripts\n", result.Stderr.ReplaceLineEndings("\n"));
        Assert.Equal("keep me", File.ReadAllText(file));
    }

    [Fact]
    public void Rejects_in_a_missing_folder_is_exit_2_naming_the_rejects_file_not_the_data()
    {
        using var workspace = Workspace(TwoGoodRows);
        var root = workspace.Path;
        var rejects = Path.Combine(root, "no", "such", "r.csv");

        var result = Render(root, "--rejects", rejects);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"cannot write rejects file '{rejects}'", result.Stderr);
        Assert.DoesNotContain("data.csv", result.Stderr);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void Rejects_always_replaces_the_file_with_the_header_alone_when_nothing_is_rejected()
    {
        using var workspace = Workspace(TwoGoodRows);
        var root = workspace.Path;
        var rejects = Path.Combine(root, "r.csv");
        File.WriteAllText(rejects, "stale,rows\nfrom,yesterday\n");

        var result = Render(root, "--rejects", rejects);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("\uFEFF" + Header + ",reason\r\n", Encoding.UTF8.GetString(File.ReadAllBytes(rejects)));
    }

    [Fact]
    public void A_script_file_that_cannot_be_written_names_that_file_leaves_no_temporary_file_and_prints_the_totals()
    {
        using var workspace = Workspace(TwoGoodRows);
        var root = workspace.Path;
        var outDir = Path.Combine(root, "out");
        // A folder where row 2's file goes: moving the finished file into place fails.
        var blocked = Path.Combine(outDir, "00002-lee-park.txt");
        Directory.CreateDirectory(blocked);

        var result = Render(root, "--out", outDir, "--jobs", "2");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"vmlang: cannot write '{blocked}': ", result.Stderr);
        Assert.DoesNotContain("data.csv", result.Stderr);
        Assert.EndsWith("read 2, rendered 1, rejected 0, not written 1\n", result.Stderr.ReplaceLineEndings("\n"));
        Assert.Equal(["00001-dana-reyes.txt", "00002-lee-park.txt"], Directory.GetFileSystemEntries(outDir).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_full_disk_on_standard_output_is_a_write_error_with_the_totals()
    {
        using var workspace = Workspace(TwoGoodRows);
        var root = workspace.Path;

        var (exit, stderr) = CliRunner.RunWithOutput(new FullDiskWriter(), null,
            "render", Path.Combine(root, "first_touch.vml"), "--template", "first_touch", "--data", Path.Combine(root, "data.csv"));

        Assert.Equal(2, exit);
        Assert.Contains("vmlang: cannot write to standard output: No space left on device", stderr);
        Assert.EndsWith("read 1, rendered 0, rejected 0, not written 1\n", stderr.ReplaceLineEndings("\n"));
    }

    /// <summary>Standard output on a full disk: every write fails as the system reports ENOSPC.</summary>
    private sealed class FullDiskWriter : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw new IOException("No space left on device");

        public override void Write(string? value) => throw new IOException("No space left on device");
    }

    [Fact]
    public void A_data_value_with_a_line_break_in_a_rejection_stays_on_the_rejections_line()
    {
        using var workspace = Workspace(Header + "\nDana Reyes,Sam,Volume grew,cut waits,Thursday,\"55\n::error::forged\",\n");
        var root = workspace.Path;

        var result = Render(root);

        Assert.Equal(1, result.ExitCode);
        var lines = result.Stderr.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(["data.csv(2): row 1: rejected: slot 'number' (contact) has 2 digits, fewer than 7: \"55\\n::error::forged\"", "read 1, rendered 0, rejected 1"], lines);
    }

    [Fact]
    public void A_latin1_data_file_is_rejected_row_by_row_unless_its_encoding_is_named()
    {
        using var workspace = Workspace("");
        var root = workspace.Path;
        var latin1 = System.Text.Encoding.Latin1.GetBytes(Header + "\nJosé García,Sam,Volume grew,cut waits,Thursday,8172249900,\n");
        File.WriteAllBytes(Path.Combine(root, "data.csv"), latin1);

        var unnamed = Render(root);
        var named = Render(root, "--data-encoding", "latin1");
        var unknown = Render(root, "--data-encoding", "klingon");

        Assert.Equal(1, unnamed.ExitCode);
        Assert.Contains("row 1: rejected: column 'prospect' is not valid UTF-8; if the file uses another encoding, name it with --data-encoding (e.g. latin1)", unnamed.Stderr);
        Assert.Equal(0, named.ExitCode);
        Assert.StartsWith("--- row 1 · José García · first_touch", named.Stdout);
        Assert.Contains("Hi José, this is Sam", named.Stdout);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--data-encoding 'klingon' is not an encoding", unknown.Stderr);
    }
}
