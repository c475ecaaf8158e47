using System.Runtime.InteropServices;

namespace VmLang.Workspace;

/// <summary>
/// Why a path cannot be read as a source file, asked before opening it: opening a FIFO blocks until
/// someone writes to it, and a device such as <c>/dev/zero</c> never ends, so reading first would hang.
/// </summary>
/// <remarks>
/// .NET does not tell a FIFO or a device from a regular file, so on Unix this asks the runtime's own
/// native shim (<c>libSystem.Native</c>, shipped with every .NET runtime and linked into NativeAOT
/// builds), whose <c>stat</c> result has the same layout on every platform.
/// </remarks>
internal static partial class FileKind
{
    /// <summary>Null when <paramref name="path"/> is (or links to) a regular file; else the reason, for a message.</summary>
    public static string? WhyNotReadable(string path)
    {
        if (OperatingSystem.IsWindows()) return null;
        var status = new FileStatus();
        if (Stat(path, ref status) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (LStat(path, ref status) == 0 && (status.Mode & TypeMask) == SymbolicLink)
            {
                var target = new FileInfo(path).LinkTarget;
                return errno == Eloop ? "it is a symbolic link that loops back on itself"
                    : errno == Enoent ? $"it is a symbolic link to '{target}', which does not exist"
                    : $"it is a symbolic link to '{target}', which cannot be read ({Marshal.GetPInvokeErrorMessage(errno)})";
            }
            return Marshal.GetPInvokeErrorMessage(errno);
        }
        return (status.Mode & TypeMask) switch
        {
            RegularFile => null,
            Directory => "it is a folder, not a file",
            Fifo => "it is a named pipe (FIFO), not a regular file",
            CharacterDevice or BlockDevice => "it is a device, not a regular file",
            Socket => "it is a socket, not a regular file",
            _ => "it is not a regular file",
        };
    }

    private const int TypeMask = 0xF000;
    private const int Fifo = 0x1000;
    private const int CharacterDevice = 0x2000;
    private const int Directory = 0x4000;
    private const int BlockDevice = 0x6000;
    private const int RegularFile = 0x8000;
    private const int SymbolicLink = 0xA000;
    private const int Socket = 0xC000;

    private const int Enoent = 2;
    private static readonly int Eloop = OperatingSystem.IsMacOS() ? 62 : 40;

    /// <summary>The shim's <c>FileStatus</c>: flags, then the mode; the rest is room for the fields not read here.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct FileStatus
    {
        public int Flags;
        public int Mode;
        private Padding _rest;
    }

    [System.Runtime.CompilerServices.InlineArray(32)]
    private struct Padding
    {
        private long _element;
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Stat(string path, ref FileStatus output);

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_LStat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int LStat(string path, ref FileStatus output);
}
