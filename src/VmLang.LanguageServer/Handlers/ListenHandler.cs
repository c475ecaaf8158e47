using VmLang.LanguageServer.Protocol;
using VmLang.LanguageServer.Workspace;
using VmLang.Rendering;

namespace VmLang.LanguageServer.Handlers;

/// <summary>
/// <c>vmlang/listen</c>: the preview's script for one row, spoken by espeak-ng from the SSML that
/// <c>render --format ssml</c> writes, at the workspace's words per minute and sentence pause. Returns
/// the WAV and its measured length next to the estimate; without espeak-ng, what to install.
/// </summary>
internal sealed class ListenHandler(ServerWorkspace workspace, PreviewHandler preview)
{
    // Whether espeak-ng runs is asked once per server: the preview reports it with every update.
    private static readonly Lazy<SpeechAvailability> Speech = new(EspeakSynthesizer.CheckAvailable);

    /// <summary>Null when speech works; else what to install.</summary>
    public static string? Unavailable => Speech.Value.IsAvailable ? null : Speech.Value.Message ?? "espeak-ng is not installed";

    public void Register(LanguageServerConnection connection) =>
        connection.OnDocumentRequest<PreviewParams, ListenResult>(workspace, LspMethods.VmLangListen, Listen);

    private ListenResult Listen(PreviewParams request, DocumentContext document, CancellationToken cancellationToken)
    {
        var rendered = preview.Render(request, document);
        var result = rendered.Result;
        if (result.Script is not { } script) return new ListenResult { EstimatedSeconds = result.Seconds, Errors = result.Errors };
        if (Unavailable is { } missing) return new ListenResult { EstimatedSeconds = result.Seconds, Unavailable = missing, Errors = [] };
        var configuration = rendered.Configuration;
        var ssml = ScriptFormatter.For(ScriptFormat.Ssml, configuration.PauseSeconds)
            .FormatScript(new RenderedScript(result.Row ?? 1, result.Template, "", script, result.Seconds, result.Warnings, rendered.Contact));
        try
        {
            var speech = EspeakSynthesizer.Synthesize(ssml, new SpeechOptions(configuration.WordsPerMinute), cancellationToken);
            return new ListenResult
            {
                Wav = Convert.ToBase64String(speech.Wav),
                MeasuredSeconds = Math.Round(speech.Seconds, 1),
                EstimatedSeconds = result.Seconds,
                Errors = [],
            };
        }
        catch (SpeechSynthesisException error)
        {
            return new ListenResult { EstimatedSeconds = result.Seconds, Errors = [error.Message] };
        }
    }
}
