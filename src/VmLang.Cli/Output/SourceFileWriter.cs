using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace VmLang.Cli.Output;

/// <summary>
/// Replaces the text of a user's source file the way saving it in an editor would: through symbolic links
/// to the file they point at, keeping the file's permissions, and without breaking hard links.
/// </summary>
/// <remarks>
/// <para>A file with one name is replaced atomically: the text goes to a temporary file beside the target,
/// created with the target's mode (so its contents are never more readable than the original's), flushed to
/// disk and renamed over the target. A crash leaves the old text or the new, never part of either.</para>
/// <para>A file with several names (hard links) would become a copy that only one name sees if it were
/// renamed over, so its text is copied into the file itself. That cannot be atomic; to narrow the window,
/// the text is first written and flushed to the temporary file (a full disk or a missing permission fails
/// there, before the file is touched). If the copy then fails, the temporary file holding the complete new
/// text is kept and the error names it.</para>
/// <para>The number of names is read with <c>statx</c> on Linux; where it cannot be read, the file is taken to
/// have one name. The owner is not carried over: a file formatted by another user (root) becomes theirs.</para>
/// </remarks>
internal static class SourceFileWriter
{
    // The text keeps a leading BOM as U+FEFF, which UTF-8 writes back as the BOM bytes.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <exception cref="CliInputException">The file could not be written; the message names it.</exception>
    public static void Replace(string path, string text)
    {
        var bytes = Utf8.GetBytes(text);
        string? temporary = null;
        var copying = false;
        try
        {
            var target = ResolveLinks(path);
            temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
            WriteTemporary(temporary, bytes, OperatingSystem.IsWindows() ? null : File.GetUnixFileMode(target));
            if (HardLinkCount(target) is > 1)
            {
                copying = true;
                CopyInto(target, bytes);
                copying = false;
                File.Delete(temporary);
            }
            else
            {
                File.Move(temporary, target, overwrite: true);
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            if (copying)
            {
                throw new CliInputException($"cannot write '{path}': {error.Message}; its formatted text is in '{temporary}'");
            }

            if (temporary is not null)
            {
                File.Delete(temporary);
            }

            throw new CliInputException($"cannot write '{path}': {error.Message}");
        }
    }

    /// <summary>The file a chain of symbolic links ends at (the path itself when it is not a link).</summary>
    private static string ResolveLinks(string path)
    {
        var file = new FileInfo(path);
        return file.LinkTarget is null ? file.FullName : file.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? file.FullName;
    }

    private static void WriteTemporary(string temporary, byte[] bytes, UnixFileMode? mode)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (mode is { } created && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = created;
        }

        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        // The umask may have taken bits away at creation (a 0664 file); give back exactly the original's.
        if (mode is { } exact && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, exact);
        }
    }

    private static void CopyInto(string target, byte[] bytes)
    {
        using var stream = new FileStream(target, FileMode.Open, FileAccess.Write);
        stream.Write(bytes);
        stream.SetLength(bytes.Length);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>How many names the file has, or null where that cannot be read.</summary>
    internal static int? HardLinkCount(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        // struct statx is the same on every Linux architecture: stx_nlink is the u32 at byte 16.
        const int atFdCwd = -100;
        const uint statxNlink = 0x4;
        var buffer = new byte[256];
        try
        {
            return Statx(atFdCwd, path, 0, statxNlink, buffer) == 0 ? (int)BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(16)) : null;
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [DllImport("libc", EntryPoint = "statx")]
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
