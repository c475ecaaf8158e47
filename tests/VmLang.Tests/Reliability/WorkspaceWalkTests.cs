using System.Diagnostics;
using VmLang.Tests.Cli;
using VmLang.Tests.LanguageServer;

namespace VmLang.Tests.Reliability;

/// <summary>
/// Issue 12, rows 4–6 (spec §2): a hostile workspace — dangling links, link loops, unreadable files,
/// FIFOs, devices, folder links that loop — is walked without following folder links, every file that
/// cannot be read is named with its path, the rest is still checked, and nothing hangs or throws.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // Links, FIFOs and file modes as on Linux and macOS.
public class WorkspaceWalkTests
{
    // A generous deadline so that a hang fails the test instead of stalling the run; no speed is asserted.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private const string Clean = "ruleset house {\n  forbid \"guarantee\" because \"Legal reviews every guarantee.\"\n}\n";

    [Fact]
    public async Task Dangling_links_and_file_link_loops_are_named_and_the_other_files_still_checked()
    {
        using var workspace = new TempFolder(("house.vml", Clean), ("bad.vml", "template t for voicemail {\n  use nope\n}\n"));
        var root = workspace.Path;
        File.CreateSymbolicLink(Path.Combine(root, "dangling.vml"), "nowhere.vml");
        File.CreateSymbolicLink(Path.Combine(root, "loop1.vml"), "loop2.vml");
        File.CreateSymbolicLink(Path.Combine(root, "loop2.vml"), "loop1.vml");

        var result = await CheckAsync(root);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("vmlang: cannot read '" + Shown(root, "dangling.vml") + "': it is a symbolic link to 'nowhere.vml', which does not exist", result.Stderr);
        Assert.Contains("vmlang: cannot read '" + Shown(root, "loop1.vml") + "': it is a symbolic link that loops back on itself", result.Stderr);
        Assert.Contains("vmlang: cannot read '" + Shown(root, "loop2.vml") + "': it is a symbolic link that loops back on itself", result.Stderr);
        // The readable files were checked all the same.
        Assert.Contains("bad.vml(2,7): error VML0104", result.Stdout);
        Assert.EndsWith("in 2 files; 3 paths could not be read.", result.Stderr.Trim());
    }

    [Fact]
    public async Task A_file_without_read_permission_is_named()
    {
        using var workspace = new TempFolder(("house.vml", Clean), ("secret.vml", Clean.Replace("house", "secret")));
        var root = workspace.Path;
        var secret = Path.Combine(root, "secret.vml");
        File.SetUnixFileMode(secret, UnixFileMode.None);
        if (CanStillRead(secret))
        {
            // Running as root: permissions do not stop reading, so the file is simply checked.
            Assert.Equal(0, (await CheckAsync(root)).ExitCode);
            return;
        }

        var result = await CheckAsync(root);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("vmlang: cannot read '" + Shown(root, "secret.vml") + "': ", result.Stderr);
    }

    [Fact]
    public async Task A_folder_link_back_to_its_parent_is_not_followed()
    {
        using var workspace = new TempFolder(("r/house.vml", Clean));
        var root = workspace.Path;
        Directory.CreateSymbolicLink(Path.Combine(root, "r", "self"), "../r");

        var result = await CheckAsync(Path.Combine(root, "r"));

        // Followed, the loop made 40 copies of every name: 41 phantom VML0101 errors.
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.EndsWith("in 1 file.", result.Stderr.Trim());
    }

    [Fact]
    public async Task Two_folder_link_loops_a_fifo_and_a_device_end_in_messages_not_a_hang()
    {
        using var workspace = new TempFolder(("a/house.vml", Clean), ("b/other.vml", Clean.Replace("house", "other")));
        var root = workspace.Path;
        Directory.CreateSymbolicLink(Path.Combine(root, "a", "to_b"), "../b");
        Directory.CreateSymbolicLink(Path.Combine(root, "b", "to_a"), "../a");
        MakeFifo(Path.Combine(root, "x.vml"));
        File.CreateSymbolicLink(Path.Combine(root, "zero.vml"), "/dev/zero");

        var result = await CheckAsync(root);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("vmlang: cannot read '" + Shown(root, "x.vml") + "': it is a named pipe (FIFO), not a regular file", result.Stderr);
        Assert.Contains("vmlang: cannot read '" + Shown(root, "zero.vml") + "': it is a device, not a regular file", result.Stderr);
        Assert.EndsWith("in 2 files; 2 paths could not be read.", result.Stderr.Trim());
    }

    [Fact]
    public async Task The_server_answers_initialize_on_such_a_folder_and_logs_each_unreadable_path()
    {
        var start = LspTestClient.StartServerAsync(
            new Dictionary<string, string> { ["house.vml"] = Clean },
            copyExamples: false,
            prepareFolder: folder =>
            {
                Directory.CreateDirectory(Path.Combine(folder, "a"));
                Directory.CreateDirectory(Path.Combine(folder, "b"));
                Directory.CreateSymbolicLink(Path.Combine(folder, "a", "to_b"), "../b");
                Directory.CreateSymbolicLink(Path.Combine(folder, "b", "to_a"), "../a");
                MakeFifo(Path.Combine(folder, "x.vml"));
                File.CreateSymbolicLink(Path.Combine(folder, "dangling.vml"), "nowhere.vml");
            });
        await using var session = await start.WaitAsync(Deadline);

        var symbols = await session.ResultAsync(VmLang.LanguageServer.Protocol.LspMethods.TextDocumentDocumentSymbol, LspTestClient.DocumentParams(session.UriOf("house.vml")));
        Assert.Contains("house", symbols.ToString());
        var log = session.Log.ToString();
        Assert.Contains($"cannot read '{Path.Combine(session.Folder, "x.vml")}': it is a named pipe (FIFO), not a regular file", log);
        Assert.Contains($"cannot read '{Path.Combine(session.Folder, "dangling.vml")}': it is a symbolic link to 'nowhere.vml', which does not exist", log);
    }

    private static Task<CliResult> CheckAsync(string path) => Task.Run(() => CliRunner.Run("check", path)).WaitAsync(Deadline);

    private static string Shown(string root, string name) => Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(root, name)).Replace('\\', '/');

    private static bool CanStillRead(string path)
    {
        try
        {
            File.ReadAllBytes(path);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
