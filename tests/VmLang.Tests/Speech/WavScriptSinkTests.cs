using VmLang.Rendering;

namespace VmLang.Tests.Speech;

public sealed class WavScriptSinkTests
{
    [EspeakFact]
    public void Rows_spoken_on_several_threads_each_get_their_file_and_the_report_stays_in_row_order()
    {
        using var folder = new TempFolder();
        var report = new SpokenSecondsReport();
        using var sink = new WavScriptSink(new OutputDirectory(folder.Path), ScriptFormatter.For(ScriptFormat.Ssml), new SpeechOptions(150), report);
        var scripts = Enumerable.Range(1, 6).Select(row => new RenderedScript(row, "t", $"Prospect {row}", $"Hi number {row}. Bye.", 1.2, [], null)).ToList();

        Parallel.ForEach(scripts.AsEnumerable().Reverse(), new ParallelOptions { MaxDegreeOfParallelism = 3 }, sink.Write);

        Assert.Equal(scripts.Select(s => $"{s.Row:D5}-prospect-{s.Row}.wav"), folder.AllFiles());
        var lines = report.Lines().ToList();
        Assert.Equal(7, lines.Count);
        Assert.Equal(Enumerable.Range(1, 6).Select(row => $"row {row}: "), lines.Take(6).Select(l => l[..(l.IndexOf(':') + 2)]));
        Assert.StartsWith("spoken ", lines[^1]);
    }

    [EspeakFact]
    public void Espeak_ng_failing_on_a_row_is_a_write_failure_naming_its_wav_and_leaves_no_file()
    {
        using var folder = new TempFolder();
        using var sink = new WavScriptSink(new OutputDirectory(folder.Path), ScriptFormatter.For(ScriptFormat.Ssml), new SpeechOptions(150, "nosuchvoice"), new SpokenSecondsReport());

        var error = Assert.Throws<OutputWriteException>(() => sink.Write(new RenderedScript(7, "t", "Dana Reyes", "Hi.", 0.4, [], null)));

        Assert.Contains("00007-dana-reyes.wav", error.Message);
        Assert.Contains("voice does not exist", error.Message);
        Assert.Empty(folder.AllFiles());
    }
}
