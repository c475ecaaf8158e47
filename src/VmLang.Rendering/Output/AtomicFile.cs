namespace VmLang.Rendering;

/// <summary>
/// A file written under a temporary name in the destination's own directory and moved over
/// the destination only when complete, so a reader (or a re-run after a crash) sees the old
/// file or the new one, never half of one. Same directory, because a move is only atomic
/// within one file system. Not flushed to disk: this guards against interruption, not power
/// loss, and an fsync per row would dominate a large run.
/// </summary>
internal sealed class AtomicFile : IDisposable
{
    private bool _committed;

    private AtomicFile(string destination, string temporary, FileStream stream)
    {
        Destination = destination;
        TemporaryPath = temporary;
        Stream = stream;
    }

    public string Destination { get; }

    public string TemporaryPath { get; }

    /// <summary>Where to write the content; <see cref="Commit"/> closes it.</summary>
    public FileStream Stream { get; }

    /// <summary>Prefix of every temporary file, so leftovers from a killed run are easy to spot.</summary>
    public const string TemporaryPrefix = ".vmlang-";

    public static AtomicFile Create(string destination)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(destination))
            ?? throw new ArgumentException("The destination must be a file path.", nameof(destination));
        var temporary = Path.Combine(directory, $"{TemporaryPrefix}{Guid.NewGuid():N}.tmp");
        var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        return new AtomicFile(destination, temporary, stream);
    }

    public static void WriteAllText(string destination, string content)
    {
        using var file = Create(destination);
        using (var writer = new StreamWriter(file.Stream, Utf8.NoBom, leaveOpen: true))
        {
            writer.Write(content);
        }

        file.Commit();
    }

    /// <summary>Closes the temporary file and moves it over the destination.</summary>
    public void Commit()
    {
        // Closing flushes: on a full disk this is where the write fails, and Dispose still cleans up.
        Stream.Dispose();
        File.Move(TemporaryPath, Destination, overwrite: true);
        _committed = true;
    }

    /// <summary>Without <see cref="Commit"/>, discards the temporary file, even when closing it fails.</summary>
    public void Dispose()
    {
        if (_committed) return;
        try
        {
            Stream.Dispose();
        }
        catch (IOException)
        {
            // The write already failed (a full disk fails again on the final flush); the temporary file goes regardless.
        }
        finally
        {
            try
            {
                File.Delete(TemporaryPath);
            }
            catch (IOException)
            {
                // Already failing (we were not committed); do not hide the original error.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
