namespace VmLang.Rendering;

/// <summary>
/// <c>render --format wav</c>: each row's SSML spoken by espeak-ng into <c>{row:D5}-{slug}.wav</c>,
/// written atomically, and its measured length added to the report. Safe to call from several
/// threads: each row runs its own espeak-ng and writes its own file.
/// </summary>
public sealed class WavScriptSink(OutputDirectory directory, ScriptFormatter ssml, SpeechOptions options, SpokenSecondsReport report) : IScriptSink
{
    public const string FileExtension = "wav";

    public OutputDirectory Directory => directory;

    public void Write(RenderedScript script)
    {
        var speech = EspeakSynthesizer.Synthesize(ssml.FormatScript(script), options);
        var path = directory.WriteFile(script.Row, script.Prospect, FileExtension, speech.Wav);
        report.Add(script.Row, Path.GetFileName(path), script.Seconds, speech.Seconds);
    }

    public void Complete()
    {
    }

    public void Dispose()
    {
    }
}
