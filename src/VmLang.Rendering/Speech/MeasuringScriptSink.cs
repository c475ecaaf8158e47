namespace VmLang.Rendering;

/// <summary>
/// <c>render --measure</c>: speaks each row's SSML with espeak-ng, keeps only its length, and passes
/// the script on with <see cref="RenderedScript.SpokenSeconds"/> set (jsonl writes it as
/// <c>spokenSeconds</c>). Safe to call from several threads when <paramref name="inner"/> is.
/// </summary>
public sealed class MeasuringScriptSink(IScriptSink inner, ScriptFormatter ssml, SpeechOptions options, SpokenSecondsReport report) : IScriptSink
{
    /// <summary>Measures and passes on one row; espeak-ng failing is an <see cref="OutputWriteException"/> naming the row.</summary>
    public void Write(RenderedScript script)
    {
        SynthesizedSpeech speech;
        try
        {
            speech = EspeakSynthesizer.Synthesize(ssml.FormatScript(script), options);
        }
        catch (SpeechSynthesisException error)
        {
            throw new OutputWriteException($"the spoken length of row {script.Row}", error);
        }

        report.Add(script.Row, null, script.Seconds, speech.Seconds);
        inner.Write(script with { SpokenSeconds = speech.Seconds });
    }

    public void Complete() => inner.Complete();

    public void Dispose() => inner.Dispose();
}
