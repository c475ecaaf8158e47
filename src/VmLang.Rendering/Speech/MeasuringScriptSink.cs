namespace VmLang.Rendering;

/// <summary>
/// <c>render --measure</c>: keeps only the length of each row's speech (<see cref="RenderedScript.Speech"/>,
/// spoken by a <see cref="ScriptSpeaker"/> before it gets here), adds it to the report, and passes the
/// script on with <see cref="RenderedScript.SpokenSeconds"/> set (jsonl writes it as <c>spokenSeconds</c>).
/// </summary>
public sealed class MeasuringScriptSink(IScriptSink inner, SpokenSecondsReport report) : IScriptSink
{
    /// <summary>Measures and passes on one row; espeak-ng having failed on it is an <see cref="OutputWriteException"/> naming the row.</summary>
    public void Write(RenderedScript script)
    {
        SynthesizedSpeech speech;
        try
        {
            speech = SpeechResult.Of(script).GetSpeech();
        }
        catch (SpeechSynthesisException error)
        {
            throw new OutputWriteException($"the spoken length of row {script.Row}", error);
        }

        report.Add(script.Row, null, script.Seconds, speech.Seconds);
        // The audio is done with: the inner sink needs only the length.
        inner.Write(script with { SpokenSeconds = speech.Seconds, Speech = null });
    }

    public void Complete() => inner.Complete();

    public void Dispose() => inner.Dispose();
}
