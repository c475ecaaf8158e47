using System.Text;
using VmLang.Syntax;

namespace VmLang.Formatting;

/// <summary>
/// Writes a text block at a new indentation without changing its value. The value of a content line
/// is the line minus the part of the closing line's indentation it starts with; the block is written
/// with the closing quotes at <c>indent</c> and each line as <c>indent + value</c>, so removing the new
/// indentation gives back the same value. Holes are respaced as <c>{{ x.first | f }}</c>.
/// </summary>
internal sealed class TextBlockWriter(LayoutWriter writer, TextBlockSyntax block, int indent)
{
    public void Write()
    {
        writer.Write(block.Start, Layout.Inline(indent));
        var hasContentLines = block.End.LeadingTrivia.Any(t => t.Kind == SyntaxKind.EndOfLineTrivia);
        if (hasContentLines)
        {
            foreach (var line in ContentLines())
            {
                writer.StartLine(line.Length == 0 ? 0 : indent);
                writer.Append(line);
            }
        }
        writer.StartLine(indent);
        writer.Append(block.End.Text);
        writer.WriteTrailingComments(block.End.TrailingTrivia);
    }

    /// <summary>Each content line's value: the old indentation removed, holes respaced.</summary>
    private List<string> ContentLines()
    {
        var oldIndentation = block.Indentation;
        var lines = new List<string>();
        var line = new StringBuilder();
        var atLineStart = true;
        foreach (var part in block.Parts)
        {
            if (part is HoleSyntax hole)
            {
                line.Append(FormatHole(hole));
                atLineStart = false;
                continue;
            }
            var raw = ((TextSyntax)part).Token.Text;
            var i = 0;
            while (i < raw.Length)
            {
                if (atLineStart)
                {
                    var strip = 0;
                    while (strip < oldIndentation.Length && i + strip < raw.Length && raw[i + strip] == oldIndentation[strip]) strip++;
                    i += strip;
                    atLineStart = false;
                    continue;
                }
                var c = raw[i++];
                if (c is '\r' or '\n')
                {
                    if (c == '\r' && i < raw.Length && raw[i] == '\n') i++;
                    lines.Add(line.ToString());
                    line.Clear();
                    atLineStart = true;
                    continue;
                }
                line.Append(c);
            }
        }
        lines.Add(line.ToString());
        return lines;
    }

    private static string FormatHole(HoleSyntax hole) => hole switch
    {
        ExpressionHoleSyntax expression => $"{{{{ {FormatExpression(expression.Expression)} }}}}",
        IfHoleSyntax ifHole => $"{{{{ if {FormatPath(ifHole.Condition)} }}}}",
        ElseHoleSyntax => "{{ else }}",
        EndHoleSyntax => "{{ end }}",
        _ => hole.ToFullString(),
    };

    private static string FormatExpression(HoleExpressionSyntax expression)
    {
        var text = new StringBuilder(expression.Primary switch
        {
            PathSyntax path => FormatPath(path),
            StringExpressionSyntax literal => literal.Literal.Text,
            _ => expression.Primary.ToFullString().Trim(),
        });
        foreach (var filter in expression.Filters) text.Append(" | ").Append(filter.Name.Text);
        return text.ToString();
    }

    private static string FormatPath(PathSyntax path) =>
        path.Slot.Text + string.Concat(path.Members.Select(m => "." + m.Name.Text));
}
