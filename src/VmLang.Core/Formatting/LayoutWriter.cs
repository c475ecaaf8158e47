using System.Text;
using VmLang.Syntax;

namespace VmLang.Formatting;

internal enum Placement
{
    /// <summary>Starts a line.</summary>
    Line,
    /// <summary>Follows the previous token after one space.</summary>
    Inline,
    /// <summary>Follows the previous token directly (a comma).</summary>
    Glued,
}

/// <summary>How many blank lines may come before a token that starts a line.</summary>
internal enum BlankLines
{
    Never,
    /// <summary>One if the source had at least one there: authors group members with blank lines.</summary>
    Preserve,
    /// <summary>Exactly one: between declarations.</summary>
    One,
}

/// <param name="Indent">The token's indentation when it starts a line, by rule or because a line comment ended the line before.</param>
/// <param name="CommentIndent">The indentation of comments on their own lines before the token.</param>
/// <param name="Spaces">For <see cref="Placement.Inline"/>: the spaces before the token (more than one to align slot colons).</param>
internal readonly record struct Layout(Placement Placement, int Indent, BlankLines BlankLines, int CommentIndent, int Spaces = 1)
{
    public static Layout Line(int indent, BlankLines blankLines, int? commentIndent = null) =>
        new(Placement.Line, indent, blankLines, commentIndent ?? indent);

    public static Layout Inline(int continuationIndent, int spaces = 1) =>
        new(Placement.Inline, continuationIndent, BlankLines.Never, continuationIndent, spaces);

    public static Layout Glued(int continuationIndent) =>
        new(Placement.Glued, continuationIndent, BlankLines.Never, continuationIndent);
}

/// <summary>
/// Writes tokens where their <see cref="Layout"/> says, and every comment of their trivia: a comment
/// that stood on its own line stays on its own line, one that followed code on a line still does.
/// All other trivia (whitespace, line breaks) is replaced by the layout's.
/// </summary>
internal sealed class LayoutWriter
{
    private readonly StringBuilder _output = new();
    private readonly string _newLine;

    // Line breaks in the source since the last token or comment written, to tell own-line comments and blank lines.
    private int _sourceLineBreaks;
    private bool _atStartOfFile = true;

    // A line comment was written: nothing else may follow on its line.
    private bool _mustBreak;

    public LayoutWriter(string newLine, bool byteOrderMark)
    {
        _newLine = newLine;
        if (byteOrderMark) _output.Append('\uFEFF');
    }

    public string NewLine => _newLine;

    public void Write(SyntaxToken token, Layout layout)
    {
        var commentOnSameLine = WriteLeadingComments(token.LeadingTrivia, layout);
        if (commentOnSameLine && !_mustBreak)
        {
            // `/* note */ slot x : text`: the token stays after its comment.
            _output.Append(' ');
        }
        else if (layout.Placement == Placement.Line || _mustBreak)
        {
            StartLine(layout.Indent, layout.Placement == Placement.Line ? layout.BlankLines : BlankLines.Never);
        }
        else if (layout.Placement == Placement.Inline)
        {
            _output.Append(' ', layout.Spaces);
        }
        Append(token.Text);
        WriteTrailingComments(token.TrailingTrivia);
    }

    /// <summary>Comments after the last declaration, then the final line break.</summary>
    public void WriteEndOfFile(SyntaxToken endOfFile)
    {
        _ = WriteLeadingComments(endOfFile.LeadingTrivia, Layout.Line(0, BlankLines.Preserve));
        if (!_atStartOfFile) _output.Append(_newLine);
    }

    /// <summary>Ends the current line and indents the next; text blocks use it for their content lines.</summary>
    public void StartLine(int indent, BlankLines blankLines = BlankLines.Never)
    {
        if (!_atStartOfFile)
        {
            var blank = blankLines == BlankLines.One || (blankLines == BlankLines.Preserve && _sourceLineBreaks >= 2);
            _output.Append(_newLine);
            if (blank) _output.Append(_newLine);
        }
        _output.Append(' ', indent);
        _mustBreak = false;
        _sourceLineBreaks = 0;
    }

    /// <summary>Writes text as is (it holds no line break).</summary>
    public void Append(string text)
    {
        _output.Append(text);
        _atStartOfFile = false;
        _sourceLineBreaks = 0;
    }

    /// <summary>After a text block's own lines: the closing quotes' trailing trivia decides what follows.</summary>
    public void WriteTrailingComments(IEnumerable<SyntaxTrivia> trailing)
    {
        foreach (var trivia in trailing)
        {
            if (trivia.Kind == SyntaxKind.EndOfLineTrivia) _sourceLineBreaks++;
            if (!trivia.IsComment) continue;
            _output.Append(' ');
            AppendComment(trivia);
        }
    }

    /// <summary>Returns true when a comment was written and the token followed it on the same source line.</summary>
    private bool WriteLeadingComments(IEnumerable<SyntaxTrivia> leading, Layout layout)
    {
        var blankLines = layout.BlankLines;
        var wroteComment = false;
        foreach (var trivia in leading)
        {
            if (trivia.Kind == SyntaxKind.EndOfLineTrivia) _sourceLineBreaks++;
            if (!trivia.IsComment) continue;
            if (_sourceLineBreaks > 0 || _atStartOfFile || _mustBreak)
            {
                StartLine(layout.CommentIndent, blankLines);
            }
            else
            {
                _output.Append(' ');
            }
            AppendComment(trivia);
            // After the first comment, the author's blank lines decide; the rule applies to what the block starts with.
            blankLines = layout.Placement == Placement.Line ? BlankLines.Preserve : BlankLines.Never;
            wroteComment = true;
        }
        return wroteComment && _sourceLineBreaks == 0;
    }

    private void AppendComment(SyntaxTrivia comment)
    {
        if (comment.Kind == SyntaxKind.SingleLineCommentTrivia)
        {
            Append(comment.Text.TrimEnd());
            _mustBreak = true;
            return;
        }
        // A block comment keeps its text; only its line breaks follow the file's.
        Append(comment.Text.ReplaceLineEndings(_newLine));
    }

    public override string ToString() => _output.ToString();
}
