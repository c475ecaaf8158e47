namespace VmLang.Rendering;

/// <summary>Finds the espeak-ng executable, and says what to install when there is none.</summary>
internal static class EspeakExecutable
{
    public const string Name = "espeak-ng";

    /// <summary>The full path of espeak-ng on <paramref name="searchPath"/> (PATH's format), or null.</summary>
    public static string? Find(string? searchPath)
    {
        var fileName = OperatingSystem.IsWindows() ? Name + ".exe" : Name;
        var directories = (searchPath ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (OperatingSystem.IsWindows())
        {
            // The eSpeak NG installer does not add itself to PATH.
            var programFiles = Environment.GetFolderPath(Environment.SpecialFolder.ProgramFiles);
            directories = [.. directories, Path.Combine(programFiles, "eSpeak NG")];
        }

        foreach (var directory in directories)
        {
            var candidate = Path.Combine(directory.Trim('"'), fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The command that installs espeak-ng on this platform.</summary>
    public static string InstallHint =>
        OperatingSystem.IsMacOS() ? "brew install espeak-ng"
        : OperatingSystem.IsWindows() ? "the espeak-ng .msi from https://github.com/espeak-ng/espeak-ng/releases"
        : "sudo apt-get install espeak-ng (Debian/Ubuntu; dnf install espeak-ng on Fedora)";

    public static string NotFoundMessage =>
        $"{Name} was not found on PATH, so the script cannot be spoken; install it: {InstallHint}";
}
