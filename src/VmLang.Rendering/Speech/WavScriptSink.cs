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

    /// <summary>Speaks and writes one row; espeak-ng failing is an <see cref="OutputWriteException"/> naming the WAV.</summary>
    public void Write(RenderedScript script)
    {
        SynthesizedSpeech speech;
        try
        {
            speech = EspeakSynthesizer.Synthesize(ssml.FormatScript(script), options);
        }
        catch (SpeechSynthesisException error)
        {
            throw OutputWriteException.ForFile(directory.PathFor(script.Row, script.Prospect, FileExtension), error);
        }

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
