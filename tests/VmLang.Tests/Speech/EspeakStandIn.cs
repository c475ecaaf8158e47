using System.Runtime.Versioning;
using VmLang.Rendering;

namespace VmLang.Tests.Speech;

/// <summary>
/// A folder holding an <c>espeak-ng</c> that the built <c>vmlang</c> finds first on its PATH: a POSIX shell
/// script that hands everything to the real espeak-ng, except that it fails on a script containing
/// <see cref="FailingWord"/> (espeak-ng has no input it reliably fails on) and logs each script it is given.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal sealed class EspeakStandIn : IDisposable
{
    public const string FailingWord = "Unspeakable";

    private const string Script = $$"""
        #!/bin/sh
        [ "$1" = --version ] && exec "$REAL_ESPEAK" "$@"
        ssml=$(mktemp) || exit 1
        trap 'rm -f "$ssml"' EXIT
        cat > "$ssml"
        cat "$ssml" >> "$STAND_IN/log"
        if grep -q '{{FailingWord}}' "$ssml"; then
          echo "the stand-in does not speak this row" >&2
          exit 1
        fi
        running() { ls "$STAND_IN" | grep -c '^running\.'; }
        touch "$STAND_IN/running.$$"
        if [ -n "$STAND_IN_WAITS" ] && mkdir "$STAND_IN/first" 2>/dev/null; then
          n=0
          while [ "$(running)" -lt 2 ] && [ "$n" -lt 300 ]; do sleep 0.1; n=$((n + 1)); done
        fi
        [ "$(running)" -ge 2 ] && touch "$STAND_IN/together"
        "$REAL_ESPEAK" "$@" < "$ssml"
        status=$?
        rm -f "$STAND_IN/running.$$"
        exit $status

        """;

    private readonly TempFolder _folder = new();

    /// <param name="firstWaitsForCompany">
    /// The first call waits, up to 30 s, until a second espeak-ng runs beside it (<see cref="RanTwoAtOnce"/>):
    /// a deadline for a run that speaks one row at a time, not a speed expected.
    /// </param>
    public EspeakStandIn(bool firstWaitsForCompany = false)
    {
        var real = EspeakExecutable.Find(System.Environment.GetEnvironmentVariable("PATH"))
            ?? throw new InvalidOperationException("espeak-ng is not installed; use [EspeakFact].");
        var script = _folder.Write("bin/espeak-ng", Script.ReplaceLineEndings("\n"));
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Environment = new Dictionary<string, string>
        {
            ["PATH"] = _folder.Combine("bin") + Path.PathSeparator + System.Environment.GetEnvironmentVariable("PATH"),
            ["REAL_ESPEAK"] = real,
            ["STAND_IN"] = _folder.Path,
            ["STAND_IN_WAITS"] = firstWaitsForCompany ? "1" : "",
        };
    }

    /// <summary>For <see cref="Cli.CliRunner.RunProcessAsync"/>: the stand-in first on PATH.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>True once two espeak-ng processes ran at the same time.</summary>
    public bool RanTwoAtOnce => File.Exists(_folder.Combine("together"));

    /// <summary>The SSML of every script espeak-ng was given, one line each.</summary>
    public IReadOnlyList<string> Spoken =>
        File.Exists(_folder.Combine("log")) ? File.ReadAllLines(_folder.Combine("log")) : [];

    public void Dispose() => _folder.Dispose();
}
