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
    public async Task With_jobs_2_two_rows_are_spoken_at_once_and_rejected_rows_are_not_spoken()
    {
        if (OperatingSystem.IsWindows()) return; // The stand-in for espeak-ng is a shell script.
        using var espeak = new EspeakStandIn(firstWaitsForCompany: true);
        using var output = new TempFolder();

        var result = await CliRunner.RunProcessAsync(espeak.Environment,
            "render", TestPaths.Example("first_touch.vml"), "--template", "first_touch", "--data", TestPaths.Example("prospects.csv"),
            "--format", "wav", "--out", output.Path, "--jobs", "2");

        Assert.Equal(1, result.ExitCode); // rows 3–5 of the examples are rejected on purpose
        Assert.True(espeak.RanTwoAtOnce, "the first row's espeak-ng waited 30 s for a second one");
        Assert.Equal(["00001-dana-reyes.wav", "00002-luis-romero.wav"], output.AllFiles());
        Assert.Equal(2, espeak.Spoken.Count);
        Assert.All(espeak.Spoken, ssml => Assert.DoesNotMatch("Hi (Mei|Tom|Ana)", ssml));
    }

    [EspeakFact]
    public async Task A_row_espeak_ng_fails_on_stops_wav_and_measure_runs_at_that_row_for_any_number_of_jobs()
    {
        if (OperatingSystem.IsWindows()) return; // The stand-in for espeak-ng is a shell script.
        using var espeak = new EspeakStandIn();
        using var workspace = TempFolder.WithExamples("house.vml", "first_touch.vml");
        workspace.Write("data.csv", $"""
            prospect,rep,pain,outcome,when,number,referrer
            Dana Reyes,Sam Ortiz,Your call volume grew,cut hold times,on Thursday,(817) 224-9900,Priya Shah
            Lee Park,Sam Ortiz,Your costs rose,cut them by half,on Friday,(817) 224-9901,
            Mei Chen,Avery Brooks,,cut your carrier costs,on Friday,(214) 555-0142,
            Ana Lima,Avery Brooks,Your sites pay twice,put them on one bill,tomorrow,(214) 555-0199,
            Ray Moss,Avery Brooks,{EspeakStandIn.FailingWord} costs hit your sites,lower your bill,on Monday,(214) 555-0100,
            Kim Ode,Avery Brooks,Your lines drop calls,keep every call,on Tuesday,(214) 555-0101,
            Zoe Ng,Avery Brooks,Your bill doubled,halve it,next week,(214) 555-0102,

            """);
        async Task<(CliResult Result, SortedDictionary<string, byte[]> Files)> Run(int jobs, params string[] format)
        {
            using var output = new TempFolder();
            var result = await CliRunner.RunProcessAsync(espeak.Environment,
                ["render", workspace.Combine("first_touch.vml"), "--template", "first_touch", "--data", workspace.Combine("data.csv"),
                 .. format.Select(a => a.Replace("OUT", output.Path, StringComparison.Ordinal)), "--jobs", jobs.ToString(CultureInfo.InvariantCulture)]);
            var files = new SortedDictionary<string, byte[]>(output.AllFiles().ToDictionary(f => f, f => File.ReadAllBytes(output.Combine(f))), StringComparer.Ordinal);
            return (result with { Stderr = result.Stderr.Replace(output.Path, "OUT", StringComparison.Ordinal) }, files);
        }

        var wavOne = await Run(1, "--format", "wav", "--out", "OUT");
        var wavTwo = await Run(2, "--format", "wav", "--out", "OUT");
        var measureOne = await Run(1, "--format", "jsonl", "--measure");
        var measureTwo = await Run(2, "--format", "jsonl", "--measure");

        Assert.Equal(2, wavOne.Result.ExitCode);
        Assert.Equal(["00001-dana-reyes.wav", "00002-lee-park.wav", "00004-ana-lima.wav"], wavOne.Files.Keys);
        Assert.Contains("data.csv(4): row 3: rejected: ", wavOne.Result.Stderr);
        Assert.Contains($"vmlang: cannot write 'OUT{Path.DirectorySeparatorChar}00005-ray-moss.wav': espeak-ng failed (exit 1): the stand-in does not speak this row", wavOne.Result.Stderr);
        Assert.Matches(@"read 5, rendered 3, rejected 1, not written 1\nrow 1: .*\(00001-dana-reyes.wav\)\nrow 2: .*\nrow 4: .*\nspoken [0-9.]+ s in all", wavOne.Result.Stderr.ReplaceLineEndings("\n"));
        Assert.Equal(wavOne.Result, wavTwo.Result);
        Assert.Equal(wavOne.Files.Keys, wavTwo.Files.Keys);
        Assert.All(wavOne.Files, file => Assert.Equal(file.Value, wavTwo.Files[file.Key]));

        Assert.Equal(2, measureOne.Result.ExitCode);
        Assert.Equal(3, measureOne.Result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("vmlang: cannot write the spoken length of row 5: espeak-ng failed (exit 1)", measureOne.Result.Stderr);
        Assert.Equal(measureOne.Result, measureTwo.Result);
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
