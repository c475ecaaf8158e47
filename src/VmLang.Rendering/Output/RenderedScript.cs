namespace VmLang.Rendering;

/// <summary>One data row's finished voicemail script, ready to be written in any format.</summary>
/// <param name="Row">The 1-based data row it came from (<see cref="DataRow.Number"/>).</param>
/// <param name="Template">The template's name.</param>
/// <param name="Prospect">The prospect's name as the data gave it; names the output file.</param>
/// <param name="Script">The filled text of the template's <c>say</c> block.</param>
/// <param name="Seconds">The estimated spoken length.</param>
/// <param name="Warnings">Warning-severity findings for this row, already worded for the user.</param>
/// <param name="Contact">
/// The contact slot's value as it appears in <paramref name="Script"/>, so SSML can mark it as
/// a telephone number; null when the template has none or says it only through a filter such
/// as <c>spoken</c> (then the raw value is not in the text).
/// </param>
/// <param name="SpokenSeconds">Its length as espeak-ng says it, when measured (<c>render --measure</c>).</param>
/// <param name="Speech">
/// Its speech when the run speaks (<c>render --format wav</c>, <c>--measure</c>): made by a
/// <see cref="ScriptSpeaker"/> on the row's worker thread, written by the speech sink; null otherwise.
/// </param>
public sealed record RenderedScript(
    int Row,
    string Template,
    string Prospect,
    string Script,
    double Seconds,
    IReadOnlyList<string> Warnings,
    string? Contact,
    double? SpokenSeconds = null,
    SpeechResult? Speech = null);
