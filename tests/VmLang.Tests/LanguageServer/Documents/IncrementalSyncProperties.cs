using FsCheck;
using FsCheck.Fluent;
using VmLang.LanguageServer.Documents;
using VmLang.LanguageServer.Protocol;
using Range = VmLang.LanguageServer.Protocol.Range;

namespace VmLang.Tests.LanguageServer.Documents;

/// <summary>
/// Random edits applied to a <see cref="TextDocument"/> give the same text as the same edits applied
/// to a plain string by a deliberately naive model of LSP positions.
/// </summary>
public sealed class IncrementalSyncProperties
{
    // Line breaks of every kind, a lone CR that a later edit may join with an LF, and a surrogate pair.
    private static readonly Gen<string> Text =
        Gen.ArrayOf(Gen.Elements("a", "bc", " ", "\n", "\r\n", "\r", "😀", "é"))
            .Select(pieces => string.Concat(pieces));

    // Coordinates run past the end of short texts to exercise clamping.
    private static readonly Gen<Position> AnyPosition =
        Gen.Choose(0, 6).SelectMany(line => Gen.Choose(0, 8), (line, character) => new Position(line, character));

    private static readonly Gen<TextDocumentContentChangeEvent> Change = Gen.Frequency(
        (9, from start in AnyPosition
            from end in AnyPosition
            from text in Text
            select new TextDocumentContentChangeEvent { Range = new Range(start, end), Text = text }),
        (1, Text.Select(text => new TextDocumentContentChangeEvent { Text = text })));

    [Fact]
    public void IncrementalEdits_MatchAPlainStringModel()
    {
        Gen<(string Initial, TextDocumentContentChangeEvent[] Changes)> scenario =
            Text.SelectMany(_ => Gen.ArrayOf(Change), (initial, changes) => (initial, changes));

        Prop.ForAll(scenario.ToArbitrary(), s =>
        {
            // The same changes sent in one notification, and one notification each, must agree with the model.
            var document = new TextDocument("file:///a.vml", 0, s.Initial);
            TextDocument batched = document.WithChanges(s.Changes, 1);
            TextDocument oneByOne = s.Changes.Aggregate(document, (current, change) => current.WithChanges([change], current.Version + 1));

            string expected = s.Changes.Aggregate(s.Initial, ApplyToModel);
            return batched.Text == expected && oneByOne.Text == expected;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void OffsetToPositionToOffset_RoundTrips_ExceptInsideCrlf()
    {
        Prop.ForAll(Text.ToArbitrary(), text =>
        {
            var index = new LineIndex(text);
            return Enumerable.Range(0, text.Length + 1).All(offset =>
            {
                bool insideCrlf = offset > 0 && offset < text.Length && text[offset - 1] == '\r' && text[offset] == '\n';
                return index.GetOffset(index.GetPosition(offset)) == (insideCrlf ? offset - 1 : offset);
            });
        }).QuickCheckThrowOnFailure();
    }

    private static string ApplyToModel(string text, TextDocumentContentChangeEvent change)
    {
        if (change.Range is not Range range)
        {
            return change.Text;
        }

        int start = ModelOffset(text, range.Start);
        int end = ModelOffset(text, range.End);
        return text[..Math.Min(start, end)] + change.Text + text[Math.Max(start, end)..];
    }

    /// <summary>Walks the text line by line; clamps a column to its line and a line to the text.</summary>
    private static int ModelOffset(string text, Position position)
    {
        int lineStart = 0;
        for (int line = 0; line < position.Line; line++)
        {
            int lineBreak = text.IndexOfAny(['\r', '\n'], lineStart);
            if (lineBreak < 0)
            {
                return text.Length;
            }

            lineStart = text.AsSpan(lineBreak).StartsWith("\r\n") ? lineBreak + 2 : lineBreak + 1;
        }

        int lineEnd = text.IndexOfAny(['\r', '\n'], lineStart);
        int lineLength = (lineEnd < 0 ? text.Length : lineEnd) - lineStart;
        return lineStart + Math.Min(position.Character, lineLength);
    }
}
