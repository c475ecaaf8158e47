using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace VmLang.Rendering;

/// <summary>
/// Speaks SSML (as <see cref="SsmlScriptFormatter"/> writes it) with espeak-ng, run as a child
/// process: no shell, arguments as a list, the SSML on stdin and the WAV on stdout, so no data
/// value ever reaches a command line or a temporary file. Stateless and safe to call from
/// several threads at once: each call runs its own process.
/// </summary>
public static class EspeakSynthesizer
{
    private static readonly TimeSpan VersionTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Whether espeak-ng is on PATH and runs; when not, a message naming the package to install.</summary>
    public static SpeechAvailability CheckAvailable() => CheckAvailable(Environment.GetEnvironmentVariable("PATH"));

    internal static SpeechAvailability CheckAvailable(string? searchPath)
    {
        var executable = EspeakExecutable.Find(searchPath);
        if (executable is null)
        {
            return new SpeechAvailability(false, EspeakExecutable.NotFoundMessage);
        }

        try
        {
            using var process = Process.Start(StartInfo(executable, ["--version"]))
                ?? throw new InvalidOperationException("The process did not start.");
            process.StandardInput.Close();
            var errors = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(VersionTimeout))
            {
                process.Kill(entireProcessTree: true);
                return new SpeechAvailability(false, $"{executable} --version did not finish within {VersionTimeout.TotalSeconds:0} s; reinstall it: {EspeakExecutable.InstallHint}");
            }

            return process.ExitCode == 0
                ? new SpeechAvailability(true, null)
                : new SpeechAvailability(false, $"{executable} --version failed (exit {process.ExitCode}): {FirstLine(errors.Result)}; reinstall it: {EspeakExecutable.InstallHint}");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            return new SpeechAvailability(false, $"{executable} could not be run ({e.Message}); reinstall it: {EspeakExecutable.InstallHint}");
        }
    }

    /// <summary>
    /// Speaks <paramref name="ssml"/> and returns the WAV with its duration. Throws
    /// <see cref="SpeechSynthesisException"/> when espeak-ng is missing or fails (its message
    /// is the user's), and <see cref="OperationCanceledException"/> after killing espeak-ng
    /// when <paramref name="cancellationToken"/> fires.
    /// </summary>
    public static SynthesizedSpeech Synthesize(string ssml, SpeechOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ssml);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.WordsPerMinute, nameof(options));
        cancellationToken.ThrowIfCancellationRequested();

        var executable = EspeakExecutable.Find(Environment.GetEnvironmentVariable("PATH"))
            ?? throw new SpeechSynthesisException(EspeakExecutable.NotFoundMessage, isUnavailable: true);

        List<string> arguments = ["-m", "-s", options.WordsPerMinute.ToString(CultureInfo.InvariantCulture)];
        if (!string.IsNullOrWhiteSpace(options.Voice))
        {
            arguments.AddRange(["-v", options.Voice.Trim()]);
        }

        arguments.Add("--stdout");

        using var process = StartProcess(executable, arguments);
        using var cancellation = cancellationToken.Register(static state => Kill((Process)state!), process);
        var audio = new MemoryStream();
        var reading = process.StandardOutput.BaseStream.CopyToAsync(audio, CancellationToken.None);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            process.StandardInput.Write(ssml);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // espeak-ng stopped reading (killed, or failed): its exit code and stderr say why.
        }

        process.WaitForExit();
        reading.GetAwaiter().GetResult();
        cancellationToken.ThrowIfCancellationRequested();
        if (process.ExitCode != 0)
        {
            throw new SpeechSynthesisException($"{EspeakExecutable.Name} failed (exit {process.ExitCode}): {FirstLine(errors.GetAwaiter().GetResult())}");
        }

        try
        {
            var (wav, seconds) = WaveFile.Repair(audio.ToArray());
            return new SynthesizedSpeech(wav, seconds);
        }
        catch (FormatException e)
        {
            throw new SpeechSynthesisException($"{EspeakExecutable.Name} wrote no usable audio: {e.Message} {FirstLine(errors.GetAwaiter().GetResult())}".TrimEnd());
        }
    }

    private static Process StartProcess(string executable, IEnumerable<string> arguments)
    {
        try
        {
            return Process.Start(StartInfo(executable, arguments))
                ?? throw new SpeechSynthesisException($"{executable} did not start.", isUnavailable: true);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new SpeechSynthesisException($"{executable} could not be run ({e.Message}); reinstall it: {EspeakExecutable.InstallHint}", isUnavailable: true);
        }
    }

    private static ProcessStartInfo StartInfo(string executable, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private static string FirstLine(string text)
    {
        var line = text.Trim().Split('\n', 2)[0].Trim();
        return line.Length == 0 ? "no message" : line;
    }
}
