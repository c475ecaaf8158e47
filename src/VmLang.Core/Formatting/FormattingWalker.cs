using VmLang.Syntax;

namespace VmLang.Formatting;

/// <summary>Decides where each token of a declaration goes; <see cref="LayoutWriter"/> writes it with its comments.</summary>
internal sealed class FormattingWalker(SyntaxTree tree)
{
    private const int MemberIndent = Formatter.IndentSize;

    private readonly LayoutWriter _writer = new(NewLineOf(tree.Text.Text), tree.Text.HasByteOrderMark);

    public string Format()
    {
        var first = true;
        foreach (var declaration in tree.Root.Declarations)
        {
            WriteDeclaration(declaration, first);
            first = false;
        }
        _writer.WriteEndOfFile(tree.Root.EndOfFile);
        return _writer.ToString();
    }

    /// <summary>The file keeps CRLF when its first line break is one; everything else becomes LF.</summary>
    private static string NewLineOf(string text)
    {
        var index = text.IndexOfAny(['\r', '\n']);
        return index >= 0 && text[index] == '\r' && index + 1 < text.Length && text[index + 1] == '\n' ? "\r\n" : "\n";
    }

    private void WriteDeclaration(DeclarationSyntax declaration, bool first)
    {
        _writer.Write(declaration.Keyword, Layout.Line(0, first ? BlankLines.Never : BlankLines.One));
        foreach (var token in declaration.DescendantTokens().Skip(1).TakeWhile(t => t != declaration.OpenBrace))
        {
            _writer.Write(token, Layout.Inline(MemberIndent));
        }
        _writer.Write(declaration.OpenBrace, Layout.Inline(MemberIndent));

        var slotNameWidth = declaration.Body.OfType<SlotMemberSyntax>().Where(CanAlign).Select(s => s.Name.Text.Length).DefaultIfEmpty(0).Max();
        var firstMember = true;
        foreach (var member in declaration.Body)
        {
            WriteStatement(member, firstMember, member is SlotMemberSyntax slot && CanAlign(slot) ? slotNameWidth : 0);
            firstMember = false;
        }
        _writer.Write(declaration.CloseBrace, Layout.Line(0, BlankLines.Never, commentIndent: MemberIndent));
    }

    /// <summary>
    /// Slot colons line up within a template (`slot rep      : caller`), unless a comment sits between
    /// the keyword and the colon: then the slot is written plainly and does not count.
    /// </summary>
    private static bool CanAlign(SlotMemberSyntax slot) =>
        !new[] { slot.Keyword, slot.Name, slot.Colon }.Any(t =>
            (t != slot.Keyword && t.LeadingTrivia.Any(x => x.IsComment)) || (t != slot.Colon && t.TrailingTrivia.Any(x => x.IsComment)));

    /// <param name="slotNameWidth">When above zero, the colon of this slot follows its name padded to this width.</param>
    private void WriteStatement(SyntaxNode statement, bool first, int slotNameWidth)
    {
        var tokens = statement.DescendantTokens().ToList();
        _writer.Write(tokens[0], Layout.Line(MemberIndent, first ? BlankLines.Never : BlankLines.Preserve));
        for (var i = 1; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == SyntaxKind.TextBlockStartToken && token.Parent is TextBlockSyntax textBlock)
            {
                new TextBlockWriter(_writer, textBlock, MemberIndent + Formatter.IndentSize).Write();
                i += textBlock.DescendantTokens().Count() - 1;
                continue;
            }
            var layout = token.Kind switch
            {
                SyntaxKind.CommaToken => Layout.Glued(MemberIndent * 2),
                SyntaxKind.ColonToken when statement is SlotMemberSyntax slot && slotNameWidth > 0 =>
                    Layout.Inline(MemberIndent * 2, 1 + slotNameWidth - slot.Name.Text.Length),
                _ => Layout.Inline(MemberIndent * 2),
            };
            _writer.Write(token, layout);
        }
    }
}
