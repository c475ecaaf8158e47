namespace VmLang.Syntax;

/// <summary>Which lexer rules produced a run of trivia, so it can be scanned again the same way.</summary>
internal enum TriviaMode : byte
{
    Leading,
    Trailing,
    Hole,
}
