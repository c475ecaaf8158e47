namespace VmLang.Syntax;

/// <summary>Which lexer rules produced a run of trivia, so it can be scanned again the same way.</summary>
internal enum TriviaMode : byte
{
    Leading,
    Trailing,
    Hole,

    /// <summary>After an opening <c>"""</c>: spaces, anything else on that line as skipped text, the line break.</summary>
    TextBlockOpening,

    /// <summary>Before a closing <c>"""</c>: the line break ending the content, if it is still there, and the indentation.</summary>
    TextBlockClosing,
}
