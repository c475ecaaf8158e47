namespace VmLang.Rules.Phrases;

/// <summary>
/// One occurrence of a phrase in scanned text.
/// </summary>
/// <param name="Start">Offset of the first matched character in the caller's original string.</param>
/// <param name="Length">
/// Length in the original string, which can differ from the phrase's: it covers the text exactly as written,
/// with its own whitespace runs, line breaks and apostrophes.
/// </param>
/// <param name="PhraseIndex">Position of the phrase in the order it was given to the matcher.</param>
/// <param name="Phrase">The phrase as it was given to the matcher (not normalized).</param>
/// <param name="Payload">The value the caller attached to the phrase.</param>
public readonly record struct PhraseMatch<TPayload>(int Start, int Length, int PhraseIndex, string Phrase, TPayload Payload)
{
    /// <summary>Offset just past the last matched character in the original string.</summary>
    public int End => Start + Length;
}
