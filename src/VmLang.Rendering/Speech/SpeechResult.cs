using System.Runtime.ExceptionServices;

namespace VmLang.Rendering;

/// <summary>
/// One row's speech as a row worker made it: the audio, or the <see cref="SpeechSynthesisException"/>
/// espeak-ng failed with. The failure is kept rather than thrown on the worker, so that the writing
/// thread meets it at the row's place in the order and reports it as that row's write failure,
/// after the rows before it were written.
/// </summary>
public sealed class SpeechResult
{
    private readonly SynthesizedSpeech? _speech;
    private readonly ExceptionDispatchInfo? _failure;

    private SpeechResult(SynthesizedSpeech? speech, ExceptionDispatchInfo? failure)
    {
        _speech = speech;
        _failure = failure;
    }

    public static SpeechResult Spoken(SynthesizedSpeech speech) => new(speech ?? throw new ArgumentNullException(nameof(speech)), null);

    public static SpeechResult Failed(SpeechSynthesisException error) => new(null, ExceptionDispatchInfo.Capture(error ?? throw new ArgumentNullException(nameof(error))));

    /// <summary>The speech a speech sink was given; a script that was never spoken is a bug upstream.</summary>
    internal static SpeechResult Of(RenderedScript script) =>
        script.Speech ?? throw new InvalidOperationException($"Row {script.Row} reached a speech sink unspoken; a {nameof(ScriptSpeaker)} speaks each row first.");

    /// <summary>The speech; throws the <see cref="SpeechSynthesisException"/> it failed with, with espeak-ng's stack.</summary>
    public SynthesizedSpeech GetSpeech()
    {
        _failure?.Throw();
        return _speech!;
    }
}
