namespace VmLang.Rendering;

/// <summary>
/// Speaks one row's script: its SSML (the workspace's <c>ssml</c> formatter) through espeak-ng. The
/// slow step of <c>render --format wav</c> and <c>--measure</c>, so it runs on the row workers of
/// <see cref="OrderedParallel"/>, beside the row check. It writes nothing the user sees — no file, no
/// message — and keeps espeak-ng's failure in the result instead of throwing it: the speech sinks
/// write, report and fail on the writing thread, in row order. Stateless; each call runs its own espeak-ng.
/// </summary>
public sealed class ScriptSpeaker(ScriptFormatter ssml, SpeechOptions options)
{
    public SpeechResult Speak(RenderedScript script)
    {
        try
        {
            return SpeechResult.Spoken(EspeakSynthesizer.Synthesize(ssml.FormatScript(script), options));
        }
        catch (SpeechSynthesisException error)
        {
            return SpeechResult.Failed(error);
        }
    }
}
