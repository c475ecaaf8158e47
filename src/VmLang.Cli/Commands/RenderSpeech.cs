using VmLang.Configuration;
using VmLang.Rendering;

namespace VmLang.Cli.Commands;

/// <summary>
/// <c>render</c>'s speech: <c>--format wav</c> (one WAV per row, needs <c>--out</c>), <c>--measure</c>
/// (each row's length as espeak-ng says it: <c>spokenSeconds</c> in jsonl) and <c>--voice</c>. Both
/// need espeak-ng; without it, or with a voice it does not have, the run stops before any row with
/// exit 2 and says what to install. espeak-ng failing on a row later is a write failure of that row
/// (exit 2, the totals still printed), like a full disk.
/// </summary>
internal sealed class RenderSpeech
{
    public const string WavFormat = "wav";

    private readonly RenderRequest _request;

    private RenderSpeech(RenderRequest request) => _request = request;

    public SpokenSecondsReport Report { get; } = new();

    /// <summary>Checks the speech options; null when the run speaks nothing.</summary>
    public static RenderSpeech? Start(RenderRequest request)
    {
        var wav = request.Format == WavFormat;
        if (wav && request.OutDirectory is null)
        {
            throw new CliInputException("--format wav needs --out DIR: it writes one WAV file per row");
        }

        if (!wav && !request.Measure)
        {
            if (request.Voice is not null) throw new CliInputException("--voice is for --format wav or --measure, which speak the scripts");
            return null;
        }

        var availability = EspeakSynthesizer.CheckAvailable();
        if (!availability.IsAvailable) throw new CliInputException(availability.Message!);
        if (request.Voice is not null)
        {
            // A voice espeak-ng lacks would fail every row; say so once, before the first.
            try
            {
                EspeakSynthesizer.Synthesize("<speak>.</speak>", new SpeechOptions(WorkspaceConfiguration.DefaultWordsPerMinute, request.Voice));
            }
            catch (SpeechSynthesisException error)
            {
                throw new CliInputException($"--voice '{request.Voice}': {error.Message}");
            }
        }

        return new RenderSpeech(request);
    }

    /// <summary>
    /// What <see cref="RowLoop"/> calls on each accepted row's worker thread, beside the row check:
    /// espeak-ng is the slow part of a spoken run, so with <c>--jobs N</c> it speaks N rows at a time.
    /// </summary>
    public ScriptSpeaker CreateSpeaker(WorkspaceConfiguration configuration) => new(
        ScriptFormatter.For(ScriptFormat.Ssml, configuration.PauseSeconds),
        new SpeechOptions(configuration.WordsPerMinute, _request.Voice));

    /// <summary>The WAV sink in the <c>--out</c> folder, or <paramref name="createScriptSink"/>'s sink measured row by row.</summary>
    public IScriptSink CreateSink(Func<IScriptSink> createScriptSink, Func<string, OutputDirectory> openDirectory) =>
        _request.Format == WavFormat
            ? new WavScriptSink(openDirectory(_request.OutDirectory!), Report)
            : new MeasuringScriptSink(createScriptSink(), Report);
}
