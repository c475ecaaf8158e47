using System.Collections.Frozen;
using System.Runtime.CompilerServices;

namespace VmLang.Syntax;

public static class SyntaxFacts
{
    private static readonly FrozenDictionary<string, SyntaxKind> Keywords = new Dictionary<string, SyntaxKind>
    {
        ["template"] = SyntaxKind.TemplateKeyword,
        ["ruleset"] = SyntaxKind.RulesetKeyword,
        ["sequence"] = SyntaxKind.SequenceKeyword,
        ["for"] = SyntaxKind.ForKeyword,
        ["slot"] = SyntaxKind.SlotKeyword,
        ["optional"] = SyntaxKind.OptionalKeyword,
        ["say"] = SyntaxKind.SayKeyword,
        ["use"] = SyntaxKind.UseKeyword,
        ["max"] = SyntaxKind.MaxKeyword,
        ["forbid"] = SyntaxKind.ForbidKeyword,
        ["prefer"] = SyntaxKind.PreferKeyword,
        ["because"] = SyntaxKind.BecauseKeyword,
        ["as"] = SyntaxKind.AsKeyword,
        ["allow"] = SyntaxKind.AllowKeyword,
        ["day"] = SyntaxKind.DayKeyword,
        ["voicemail"] = SyntaxKind.VoicemailKeyword,
        ["gatekeeper"] = SyntaxKind.GatekeeperKeyword,
        ["error"] = SyntaxKind.ErrorKeyword,
        ["warning"] = SyntaxKind.WarningKeyword,
        ["info"] = SyntaxKind.InfoKeyword,
        ["if"] = SyntaxKind.IfKeyword,
        ["else"] = SyntaxKind.ElseKeyword,
        ["end"] = SyntaxKind.EndKeyword,
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<SyntaxKind, string> FixedTexts =
        Keywords.ToDictionary(pair => pair.Value, pair => pair.Key)
            .Concat(new Dictionary<SyntaxKind, string>
            {
                [SyntaxKind.ArrowToken] = "=>",
                [SyntaxKind.ColonToken] = ":",
                [SyntaxKind.EqualsToken] = "=",
                [SyntaxKind.CommaToken] = ",",
                [SyntaxKind.OpenBraceToken] = "{",
                [SyntaxKind.CloseBraceToken] = "}",
                [SyntaxKind.DotToken] = ".",
                [SyntaxKind.PipeToken] = "|",
                [SyntaxKind.TextBlockStartToken] = "\"\"\"",
                [SyntaxKind.TextBlockEndToken] = "\"\"\"",
                [SyntaxKind.HoleOpenToken] = "{{",
                [SyntaxKind.HoleCloseToken] = "}}",
            })
            .ToFrozenDictionary();

    // The lexer asks for both once per token. An array indexed by kind is cheaper than a dictionary, and
    // fetching the span lookup once saves the generic-virtual dispatch that GetAlternateLookup costs per call.
    private static readonly string?[] FixedTextByKind = BuildFixedTextByKind();
    private static readonly FrozenDictionary<string, SyntaxKind>.AlternateLookup<ReadOnlySpan<char>> KeywordsBySpan =
        Keywords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static string?[] BuildFixedTextByKind()
    {
        var texts = new string?[FixedTexts.Keys.Max(k => (int)k) + 1];
        foreach (var (kind, text) in FixedTexts) texts[(int)kind] = text;
        return texts;
    }

    public static IEnumerable<string> KeywordTexts => Keywords.Keys.Order(StringComparer.Ordinal);

    public static SyntaxKind GetKeywordKind(ReadOnlySpan<char> text) =>
        KeywordsBySpan.TryGetValue(text, out var kind) ? kind : SyntaxKind.IdentifierToken;

    public static string? GetFixedText(SyntaxKind kind) => (uint)kind < (uint)FixedTextByKind.Length ? FixedTextByKind[(int)kind] : null;

    public static bool IsKeyword(SyntaxKind kind) => kind is >= SyntaxKind.TemplateKeyword and <= SyntaxKind.EndKeyword;

    public static bool IsTrivia(SyntaxKind kind) => kind is >= SyntaxKind.WhitespaceTrivia and <= SyntaxKind.SkippedTokensTrivia;

    public static bool IsDeclarationKeyword(SyntaxKind kind) =>
        kind is SyntaxKind.TemplateKeyword or SyntaxKind.RulesetKeyword or SyntaxKind.SequenceKeyword;

    public static bool IsTemplateMemberKeyword(SyntaxKind kind) =>
        kind is SyntaxKind.UseKeyword or SyntaxKind.MaxKeyword or SyntaxKind.AllowKeyword or SyntaxKind.SlotKeyword or SyntaxKind.SayKeyword;

    public static bool IsRulesetMemberKeyword(SyntaxKind kind) => kind is SyntaxKind.ForbidKeyword or SyntaxKind.PreferKeyword;

    public static bool IsSeverityKeyword(SyntaxKind kind) =>
        kind is SyntaxKind.ErrorKeyword or SyntaxKind.WarningKeyword or SyntaxKind.InfoKeyword;

    // Inlining asked for: the lexer tests every character of declarations with these, and NativeAOT left them as calls.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    public static bool IsIdentifier(string text) =>
        text.Length > 0 && IsIdentifierStart(text[0]) && text.All(IsIdentifierPart) && GetKeywordKind(text) == SyntaxKind.IdentifierToken;

    /// <summary>How a token kind reads in "expected X" messages.</summary>
    public static string Describe(SyntaxKind kind) => kind switch
    {
        SyntaxKind.IdentifierToken => "a name",
        SyntaxKind.StringLiteralToken => "a string",
        SyntaxKind.IntegerLiteralToken => "a number",
        SyntaxKind.DurationLiteralToken => "a duration such as '30s'",
        SyntaxKind.EndOfFileToken => "end of file",
        SyntaxKind.TextBlockStartToken => "a text block ('\"\"\"')",
        SyntaxKind.TextToken => "text",
        _ when GetFixedText(kind) is { } text => $"'{text}'",
        _ => kind.ToString(),
    };

    /// <summary>
    /// The value of a number token (<c>30</c>, or <c>30s</c> and other letters glued on): its leading digits.
    /// False for a number too large for an int, which reads as <see cref="int.MaxValue"/>.
    /// </summary>
    internal static bool TryReadNumber(ReadOnlySpan<char> text, out int value)
    {
        var digitsEnd = text.IndexOfAnyExceptInRange('0', '9');
        var digits = digitsEnd < 0 ? text : text[..digitsEnd];
        if (int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value)) return true;
        value = int.MaxValue;
        return false;
    }
}
