using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using VmLang.Rendering;
using VmLang.Tests.Speech;

namespace VmLang.Tests.Cli;

/// <summary><c>render --format wav</c>, <c>--measure</c> and <c>--voice</c> (issue 16).</summary>
public sealed class RenderSpeechTests
{
    private static CliResult Render(params string[] extra) =>
        CliRunner.Run(["render", TestPaths.Example("first_touch.vml"), "--template", "first_touch", "--data", TestPaths.Example("prospects.csv"), .. extra]);

    [Fact]
    public void Wav_needs_an_output_folder()
    {
        var result = Render("--format", "wav");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--format wav needs --out DIR", result.Stderr);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void A_voice_without_anything_to_speak_is_not_silently_ignored()
    {
        var result = Render("--format", "jsonl", "--voice", "en-us");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--voice is for --format wav or --measure", result.Stderr);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void Pause_seconds_in_vmlang_json_sets_the_ssml_break_and_the_estimate_of_every_row()
    {
        string[] files = ["house.vml", "first_touch.vml", "prospects.csv"];
        using var defaultsFolder = TempFolder.WithExamples(files);
        var defaults = defaultsFolder.Path;
        using var slowerFolder = TempFolder.WithExamples(files);
        slowerFolder.Write("vmlang.json", "{ \"pauseSeconds\": 1.5 }");
        var slower = slowerFolder.Path;
        CliResult In(string root, string format) => CliRunner.Run(
            "render", Path.Combine(root, "first_touch.vml"), "--template", "first_touch", "--data", Path.Combine(root, "prospects.csv"), "--format", format);

        var ssml = In(slower, "ssml").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(ssml, line => Assert.DoesNotContain("\"500ms\"", line));
        var breaks = ssml.Select(line => Regex.Matches(line, "<break time=\"1500ms\"/>").Count).ToList();
        Assert.Equal([4, 3], breaks);

        double[] Seconds(string root) => [.. In(root, "jsonl").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("seconds").GetDouble())];
        // One more second for each break: nothing else changes.
        Assert.Equal(Seconds(defaults).Zip(breaks, (seconds, pauses) => Math.Round(seconds + pauses * 1.0, 1)), Seconds(slower));
    }

    [Fact]
    public async Task Without_espeak_ng_wav_is_exit_2_naming_the_package_and_writes_nothing()
    {
        // The real executable with a PATH that has no espeak-ng: in-process, PATH is shared with other tests.
        using var emptyPath = new TempFolder();
        using var output = new TempFolder();
        var result = await CliRunner.RunProcessAsync(
            new Dictionary<string, string> { ["PATH"] = emptyPath.Path },
            "render", TestPaths.Example("first_touch.vml"), "--template", "first_touch",
            "--data", TestPaths.Example("prospects.csv"), "--format", "wav", "--out", output.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("espeak-ng was not found on PATH", result.Stderr);
        Assert.Contains("apt-get install espeak-ng", result.Stderr);
        Assert.Empty(result.Stdout);
        Assert.Empty(output.AllFiles());
    }

    [EspeakFact]
    public void Wav_writes_one_playable_file_per_row_named_like_the_other_formats_and_reports_its_length()
    {
        using var wav = new TempFolder();
        using var ssml = new TempFolder();

        var result = Render("--format", "wav", "--out", wav.Path);
        Render("--format", "ssml", "--out", ssml.Path);

        Assert.Equal(1, result.ExitCode); // rows 3–5 of the examples are rejected on purpose
        Assert.Empty(result.Stdout);
        Assert.Equal(["00001-dana-reyes.wav", "00002-luis-romero.wav"], wav.AllFiles());
        Assert.Equal(ssml.AllFiles().Select(f => Path.ChangeExtension(f, "wav")), wav.AllFiles());
        foreach (var (file, row) in wav.AllFiles().Select((f, i) => (f, i + 1)))
        {
            var bytes = File.ReadAllBytes(wav.Combine(file));
            var (repaired, seconds) = WaveFile.Repair(bytes);
            Assert.Equal(repaired, bytes); // the header's sizes are the real ones, so any player reads it
            var line = Regex.Match(result.Stderr, $@"row {row}: spoken ([0-9.]+) s, estimated ([0-9.]+) s \({Regex.Escape(file)}\)");
            Assert.True(line.Success, result.Stderr);
            Assert.Equal(Math.Round(seconds, 1), double.Parse(line.Groups[1].Value, CultureInfo.InvariantCulture));
        }

        Assert.Matches(@"read 5, rendered 2, rejected 3\nrow 1: .*\nrow 2: .*\nspoken [0-9.]+ s in all, estimated [0-9.]+ s", result.Stderr.ReplaceLineEndings("\n"));
    }

    [EspeakFact]
    public void Wav_files_and_the_spoken_report_are_the_same_for_any_number_of_jobs()
    {
        using var one = new TempFolder();
        using var three = new TempFolder();

        var serial = Render("--format", "wav", "--out", one.Path, "--jobs", "1");
        var parallel = Render("--format", "wav", "--out", three.Path, "--jobs", "3");

        Assert.Equal(serial.Stderr.Replace(one.Path, "OUT"), parallel.Stderr.Replace(three.Path, "OUT"));
        Assert.Equal(one.AllFiles(), three.AllFiles());
        Assert.All(one.AllFiles(), file => Assert.Equal(File.ReadAllBytes(one.Combine(file)), File.ReadAllBytes(three.Combine(file))));
    }

    [EspeakFact]
    public void Measure_adds_spoken_seconds_to_jsonl_next_to_the_estimate()
    {
        var measured = Render("--format", "jsonl", "--measure");
        var plain = Render("--format", "jsonl");

        var rows = measured.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row =>
        {
            Assert.Equal(["row", "template", "prospect", "script", "seconds", "spokenSeconds", "warnings"], row.EnumerateObject().Select(p => p.Name));
            var spoken = row.GetProperty("spokenSeconds").GetDouble();
            Assert.InRange(spoken, row.GetProperty("seconds").GetDouble() * 0.9, row.GetProperty("seconds").GetDouble() * 1.1);
        });
        Assert.Contains("row 2: spoken", measured.Stderr);
        Assert.DoesNotContain("spokenSeconds", plain.Stdout);
        Assert.DoesNotContain("row 2: spoken", plain.Stderr);
    }

    [EspeakFact]
    public void A_voice_passes_through_to_espeak_ng_and_an_unknown_one_stops_before_any_row()
    {
        using var unknown = new TempFolder();
        var bad = Render("--format", "wav", "--out", unknown.Path, "--voice", "nosuchvoice");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--voice 'nosuchvoice'", bad.Stderr);
        Assert.Contains("voice does not exist", bad.Stderr);
        Assert.Empty(unknown.AllFiles());

        using var normal = new TempFolder();
        using var slow = new TempFolder();
        Render("--format", "wav", "--out", normal.Path);
        Assert.Equal(1, Render("--format", "wav", "--out", slow.Path, "--voice", "en-us+m3").ExitCode);
        Assert.NotEqual(File.ReadAllBytes(normal.Combine("00001-dana-reyes.wav")), File.ReadAllBytes(slow.Combine("00001-dana-reyes.wav")));
    }
}
