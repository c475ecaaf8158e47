using System.Runtime.InteropServices;

namespace VmLang.LanguageServer;

/// <summary>
/// Enlarges the pipe the server writes to (its stdout, on Linux). A keystroke in a big file with many
/// problems publishes ~150 KB of diagnostics; through the default 64 KB pipe the write stopped twice
/// until the editor had read, and on a busy machine each of those hand-overs waited for a core.
/// </summary>
public static partial class OutputPipe
{
    // Linux's default limit for an unprivileged process (/proc/sys/fs/pipe-max-size).
    private const int Size = 1024 * 1024;

    /// <summary>Tries to give the pipe at <paramref name="fileDescriptor"/> 1 MB; false when it is no pipe or the system refuses.</summary>
    public static bool TryEnlarge(int fileDescriptor) =>
        OperatingSystem.IsLinux() && SetPipeSize(fileDescriptor, Size) >= 0;

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_FcntlSetPipeSz")]
    private static partial int SetPipeSize(nint fileDescriptor, int size);
}
