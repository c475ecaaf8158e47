using VmLang.Rendering;

namespace VmLang.Tests.Speech;

/// <summary>The speech sinks write what a <see cref="ScriptSpeaker"/> spoke (on a row worker), and report its failure.</summary>
public sealed class WavScriptSinkTests
{
    private static readonly ScriptSpeaker Speaker = new(ScriptFormatter.For(ScriptFormat.Ssml), new SpeechOptions(150));

    private static RenderedScript Script(int row) => new(row, "t", $"Prospect {row}", $"Hi number {row}. Bye.", 1.2, [], null);

    [EspeakFact]
    public void Rows_spoken_on_several_threads_at_once_each_get_their_own_audio_in_their_own_file()
    {
        using var folder = new TempFolder();
        var report = new SpokenSecondsReport();
        using var sink = new WavScriptSink(new OutputDirectory(folder.Path), report);
        var scripts = Enumerable.Range(1, 6).Select(Script).ToList();
        var alone = scripts.Select(s => Speaker.Speak(s).GetSpeech().Wav).ToList();

        var spoken = new SpeechResult[scripts.Count];
        Parallel.For(0, scripts.Count, new ParallelOptions { MaxDegreeOfParallelism = 3 }, i => spoken[i] = Speaker.Speak(scripts[i]));
        foreach (var (script, speech) in scripts.Zip(spoken)) sink.Write(script with { Speech = speech });

        Assert.Equal(scripts.Select(s => $"{s.Row:D5}-prospect-{s.Row}.wav"), folder.AllFiles());
        Assert.Equal(alone, folder.AllFiles().Select(f => File.ReadAllBytes(folder.Combine(f))));
        var lines = report.Lines().ToList();
        Assert.Equal(Enumerable.Range(1, 6).Select(row => $"row {row}: "), lines.Take(6).Select(l => l[..(l.IndexOf(':') + 2)]));
        Assert.StartsWith("spoken ", lines[^1]);
    }

    [EspeakFact]
    public void Espeak_ng_failing_on_a_row_is_kept_by_the_speaker_and_is_a_write_failure_naming_its_wav_and_leaves_no_file()
    {
        using var folder = new TempFolder();
        var failing = new ScriptSpeaker(ScriptFormatter.For(ScriptFormat.Ssml), new SpeechOptions(150, "nosuchvoice"));
        var report = new SpokenSecondsReport();
        using var sink = new WavScriptSink(new OutputDirectory(folder.Path), report);
        var script = new RenderedScript(7, "t", "Dana Reyes", "Hi.", 0.4, [], null);

        var speech = failing.Speak(script);
        var error = Assert.Throws<OutputWriteException>(() => sink.Write(script with { Speech = speech }));

        Assert.Contains("00007-dana-reyes.wav", error.Message);
        Assert.Contains("voice does not exist", error.Message);
        Assert.Empty(folder.AllFiles());
        Assert.Empty(report.Lines());
    }

    [EspeakFact]
    public void Measuring_passes_the_spoken_length_on_and_names_the_row_espeak_ng_failed_on()
    {
        using var stdout = new StringWriter();
        var report = new SpokenSecondsReport();
        using var sink = new MeasuringScriptSink(new StreamScriptSink(stdout, ScriptFormatter.For(ScriptFormat.JsonLines)), report);
        var failing = new ScriptSpeaker(ScriptFormatter.For(ScriptFormat.Ssml), new SpeechOptions(150, "nosuchvoice"));

        sink.Write(Script(1) with { Speech = Speaker.Speak(Script(1)) });
        var error = Assert.Throws<OutputWriteException>(() => sink.Write(Script(2) with { Speech = failing.Speak(Script(2)) }));
        sink.Complete();

        Assert.Contains("\"spokenSeconds\":", stdout.ToString());
        Assert.Equal("cannot write the spoken length of row 2: ", error.Message[..error.Message.IndexOf("espeak-ng", StringComparison.Ordinal)]);
        Assert.Equal(2, report.Lines().Count());
    }
}
