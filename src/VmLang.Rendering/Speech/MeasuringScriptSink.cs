namespace VmLang.Rendering;

/// <summary>
/// <c>render --measure</c>: speaks each row's SSML with espeak-ng, keeps only its length, and passes
/// the script on with <see cref="RenderedScript.SpokenSeconds"/> set (jsonl writes it as
/// <c>spokenSeconds</c>). Safe to call from several threads when <paramref name="inner"/> is.
/// </summary>
public sealed class MeasuringScriptSink(IScriptSink inner, ScriptFormatter ssml, SpeechOptions options, SpokenSecondsReport report) : IScriptSink
{
    public void Write(RenderedScript script)
    {
        var speech = EspeakSynthesizer.Synthesize(ssml.FormatScript(script), options);
        report.Add(script.Row, null, script.Seconds, speech.Seconds);
        inner.Write(script with { SpokenSeconds = speech.Seconds });
    }

    public void Complete() => inner.Complete();

    public void Dispose() => inner.Dispose();
}
