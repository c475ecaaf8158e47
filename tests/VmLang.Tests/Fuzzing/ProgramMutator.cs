using FsCheck;
using FsCheck.Fluent;
using VmLang.Syntax;

namespace VmLang.Tests.Fuzzing;

/// <summary>
/// Programs one or a few edits away from the examples: token edits (delete, duplicate, move or swap a short
/// run of tokens, trivia apart from text) and character edits (insert, replace or delete at any place,
/// with the characters the lexer decides on). Most are invalid; some stay valid by luck, which is the point.
/// </summary>
internal static class ProgramMutator
{
    private static readonly string[] Characters =
    [
        "\"", "\"\"\"", "\"\"\"\n", "{", "}", "{{", "}}", "\n", "\r\n", "\r", " ", "\t", "\u00A0", "\f", "\v", "/", "*", "//", "/*", "*/",
        "\\", "\\u{1F600}", "\\q", "s", "0", "99999999999", "x", "_", "=", "=>", ">", ",", ":", ".", "|", "\uFEFF", "é", "😀", "\0", "$",
        "if ", "else", "end", "template ", "slot ", "say ", "day ", "as ", "because ", "optional", "voicemail",
    ];

    /// <summary>Pieces of the language glued at random: keywords, punctuation, quotes, comments, odd characters.</summary>
    private static readonly string[] Fragments =
    [
        "template", "ruleset", "sequence", "for", "voicemail", "gatekeeper", "slot", "optional", "say", "use", "max",
        "forbid", "prefer", "because", "as", "allow", "day", "error", "warning", "if", "else", "end",
        "x", "prospect", "first", "30s", "30", "7", "\"", "\"\"\"", "\"\"\"\n", "{", "}", "{{", "}}", ":", "=", "=>", ",",
        ".", "|", " ", "  ", "\n", "\r\n", "\r", "\t", "//", "/*", "*/", "\\", "\\u{1F600}", "\\q", "$", "@", "\uFEFF",
        "😀", "\u2019", "é", "\0",
    ];

    public static Gen<string> FragmentSoup { get; } = Gen.Elements(Fragments).ListOf().Select(list => string.Concat(list));

    private static readonly string[][] ExampleTokens = [.. TestPaths.ExampleSources.Select(e => Pieces(e.Text))];

    public static Gen<string> Mutated { get; } =
        from pieces in Gen.Elements(ExampleTokens)
        from tokenEdits in TokenEdit(pieces.Length).ListOf().Select(edits => edits.Take(2).ToArray())
        from characterEdits in RandomEdit.Generator(Characters, maxLength: 3).ListOf().Select(edits => edits.Take(3).ToArray())
        select characterEdits.Aggregate(
            string.Concat(tokenEdits.Aggregate(pieces.ToList(), (list, edit) => edit(list))),
            (text, edit) => edit.ApplyTo(text));

    /// <summary>Each token as three pieces: leading trivia, text, trailing trivia.</summary>
    private static string[] Pieces(string text) =>
        [.. SyntaxTree.Parse(text).Root.DescendantTokens().SelectMany(t => new[]
        {
            string.Concat(t.LeadingTrivia.Select(x => x.Text)), t.Text, string.Concat(t.TrailingTrivia.Select(x => x.Text)),
        })];

    private static Gen<Func<List<string>, List<string>>> TokenEdit(int count) =>
        from kind in Gen.Choose(0, 3)
        from at in Gen.Choose(0, count - 1)
        from length in Gen.Choose(1, 6)
        from to in Gen.Choose(0, count - 1)
        select (Func<List<string>, List<string>>)(list => Apply(list, kind, Math.Min(at, list.Count), length, Math.Min(to, list.Count)));

    /// <summary>0: delete a run; 1: duplicate it; 2: move it; 3: swap its first piece with another.</summary>
    private static List<string> Apply(List<string> pieces, int kind, int at, int length, int to)
    {
        var result = new List<string>(pieces);
        length = Math.Min(length, result.Count - at);
        if (length <= 0) return result;
        var run = result.GetRange(at, length);
        switch (kind)
        {
            case 0:
                result.RemoveRange(at, length);
                break;
            case 1:
                result.InsertRange(at, run);
                break;
            case 2:
                result.RemoveRange(at, length);
                result.InsertRange(Math.Min(to, result.Count), run);
                break;
            default:
                to = Math.Min(to, result.Count - 1);
                (result[at], result[to]) = (result[to], result[at]);
                break;
        }
        return result;
    }
}
