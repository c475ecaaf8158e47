using FsCheck;
using FsCheck.Fluent;
using VmLang.LanguageServer.Documents;
using VmLang.LanguageServer.Protocol;
using VmLang.LanguageServer.Workspace;
using VmLang.Syntax;
using VmLang.Tests.Syntax;
using VmLang.Text;
using Range = VmLang.LanguageServer.Protocol.Range;

namespace VmLang.Tests.LanguageServer.Documents;

/// <summary>
/// Random edits applied to a document give the same text as the same edits applied to a plain string by a
/// deliberately naive model of LSP positions, with byte-order marks and every mix of LF, CRLF and CR; and the
/// tree the server keeps for the document is the one a fresh parse of that text gives.
/// </summary>
public sealed class IncrementalSyncProperties
{
    private const char Bom = '\uFEFF';

    // Line breaks of every kind, a lone CR that a later edit may join with an LF, and a surrogate pair.
    private static readonly Gen<string> Text =
        from bom in Gen.Elements("", "", Bom.ToString())
        from pieces in Gen.ArrayOf(Gen.Elements("a", "bc", " ", "\n", "\r\n", "\r", "😀", "é"))
        select bom + string.Concat(pieces);

    // Coordinates run past the end of short texts to exercise clamping.
    private static readonly Gen<Position> AnyPosition =
        Gen.Choose(0, 6).SelectMany(line => Gen.Choose(0, 8), (line, character) => new Position(line, character));

    private static readonly Gen<TextDocumentContentChangeEvent> Change = ChangeOf(Text, AnyPosition);

    [Fact]
    public void Incremental_edits_match_a_plain_string_model()
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
            return batched.Text.Text == expected && oneByOne.Text.Text == expected;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Edits_through_the_server_workspace_give_the_tree_a_fresh_parse_gives()
    {
        // The examples with a BOM or not, their line breaks rewritten to LF, CRLF, CR or a mix, and edits
        // that insert VmLang's own punctuation and line breaks of every kind anywhere, the first line included.
        var example =
            from source in Gen.Elements(TestPaths.ExampleSources.Select(e => e.Text).ToArray())
            from bom in Gen.Elements("", Bom.ToString())
            from breaks in Gen.ArrayOf(Gen.Elements("\n", "\r\n", "\r"))
            select bom + WithLineBreaks(source, breaks);
        var edit = ChangeOf(
            Gen.Elements("", "x", " ", "\n", "\r\n", "\r", "}", "{", "\"", "\"\"\"\n", "{{", "}}", "//", "template", "ruleset r {\n}\n"),
            Gen.Choose(0, 40).SelectMany(line => Gen.Choose(0, 30), (line, character) => new Position(line, character)));
        var scenario =
            from initial in example
            from changes in Gen.ArrayOf(edit).Select(c => c.Take(6).ToArray())
            select (initial, changes);

        Prop.ForAll(scenario.ToArbitrary(), s =>
        {
            const string uri = "file:///workspace/a.vml";
            var workspace = new ServerWorkspace(TextWriter.Null);
            workspace.Open(new DidOpenTextDocumentParams { TextDocument = new TextDocumentItem { Uri = uri, LanguageId = "vmlang", Version = 1, Text = s.initial } });
            var text = s.initial;
            var version = 1;
            foreach (var change in s.changes)
            {
                Assert.True(workspace.Change(new DidChangeTextDocumentParams
                {
                    TextDocument = new VersionedTextDocumentIdentifier { Uri = uri, Version = ++version },
                    ContentChanges = [change],
                }));
                text = ApplyToModel(text, change);

                var tree = workspace.Current.Compilation.GetSyntaxTree(workspace.KeyOf(uri))!;
                Assert.Equal(text, tree.Text.Text);
                Assert.Equal(text, tree.Root.ToFullString());
                Assert.Equal(SyntaxDumper.Dump(SyntaxTree.Parse(text, tree.FilePath).Root), SyntaxDumper.Dump(tree.Root));
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    [Fact]
    public void Offset_to_position_to_offset_round_trips_except_inside_crlf_and_before_a_bom()
    {
        Prop.ForAll(Text.ToArbitrary(), text =>
        {
            var source = new SourceText(text);
            return Enumerable.Range(0, text.Length + 1).All(offset =>
            {
                bool insideCrlf = offset > 0 && offset < text.Length && text[offset - 1] == '\r' && text[offset] == '\n';
                bool beforeBom = offset == 0 && source.HasByteOrderMark;
                int expected = insideCrlf ? offset - 1 : beforeBom ? 1 : offset;
                return source.GetOffset(source.GetLinePosition(offset)) == expected;
            });
        }).QuickCheckThrowOnFailure();
    }

    private static Gen<TextDocumentContentChangeEvent> ChangeOf(Gen<string> text, Gen<Position> position) => Gen.Frequency(
        (9, from start in position
            from end in position
            from newText in text
            select new TextDocumentContentChangeEvent { Range = new Range(start, end), Text = newText }),
        (1, text.Select(newText => new TextDocumentContentChangeEvent { Text = newText })));

    /// <summary>The text with its line breaks replaced, in turn, by <paramref name="breaks"/> (LF when there are none).</summary>
    private static string WithLineBreaks(string text, string[] breaks)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        return string.Concat(lines.Select((line, i) => i == lines.Length - 1 ? line : line + (breaks.Length == 0 ? "\n" : breaks[i % breaks.Length])));
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

    /// <summary>
    /// Walks the text line by line; clamps a column to its line and a line to the text. The first line's
    /// columns start after a byte-order mark, which editors do not show (LSP counts what the editor shows).
    /// </summary>
    private static int ModelOffset(string text, Position position)
    {
        int lineStart = text.StartsWith(Bom) ? 1 : 0;
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
