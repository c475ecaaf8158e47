namespace VmLang.Rendering;

/// <summary>
/// A script, rejects file or stream could not be written (disk full, no permission, a folder in
/// the way). The message names what was being written, never the input: the data was fine.
/// </summary>
public sealed class OutputWriteException(string target, Exception cause)
    : Exception($"cannot write {target}: {cause.Message}", cause)
{
    public static OutputWriteException ForFile(string path, Exception cause) => new($"'{path}'", cause);

    public static OutputWriteException ForStandardOutput(Exception cause) => new("to standard output", cause);

    /// <summary>Runs <paramref name="write"/>, turning an I/O failure into an <see cref="OutputWriteException"/> for <paramref name="path"/>.</summary>
    public static void Guard(string path, Action write)
    {
        try
        {
            write();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw ForFile(path, error);
        }
    }
}
