namespace VmLang.Rendering;

/// <summary>
/// <c>render --format wav</c>: writes each row's speech (<see cref="RenderedScript.Speech"/>, spoken
/// by a <see cref="ScriptSpeaker"/> before it gets here) atomically into <c>{row:D5}-{slug}.wav</c>
/// and adds its measured length to the report.
/// </summary>
public sealed class WavScriptSink(OutputDirectory directory, SpokenSecondsReport report) : IScriptSink
{
    public const string FileExtension = "wav";

    public OutputDirectory Directory => directory;

    /// <summary>Writes one spoken row; espeak-ng having failed on it is an <see cref="OutputWriteException"/> naming the WAV.</summary>
    public void Write(RenderedScript script)
    {
        SynthesizedSpeech speech;
        try
        {
            speech = SpeechResult.Of(script).GetSpeech();
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
