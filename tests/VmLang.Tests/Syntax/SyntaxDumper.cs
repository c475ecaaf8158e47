using System.Text;
using VmLang.Syntax;

namespace VmLang.Tests.Syntax;

/// <summary>An indented, readable dump of a tree with every token and trivia, for baselines.</summary>
internal static class SyntaxDumper
{
    public static string Dump(SyntaxNode root)
    {
        var builder = new StringBuilder();
        Write(root, 0, builder);
        return builder.ToString();
    }

    private static void Write(SyntaxElement element, int depth, StringBuilder builder)
    {
        var indent = new string(' ', depth * 2);
        if (element.Token is { } token)
        {
            foreach (var trivia in token.LeadingTrivia) builder.Append(indent).Append("  lead ").AppendLine(Describe(trivia));
            builder.Append(indent).Append(token.Kind).Append(' ').Append(Quote(token.Text)).Append(' ').Append(token.Span);
            if (token.IsMissing) builder.Append(" <missing>");
            if (token.Value is { } value && value.ToString() != token.Text) builder.Append(" value=").Append(Quote(value.ToString()!));
            builder.AppendLine();
            foreach (var trivia in token.TrailingTrivia) builder.Append(indent).Append("  trail ").AppendLine(Describe(trivia));
            return;
        }
        builder.Append(indent).Append(element.Kind).Append(' ').AppendLine(element.FullSpan.ToString());
        foreach (var child in element.Node!.Children) Write(child, depth + 1, builder);
    }

    private static string Describe(SyntaxTrivia trivia) => $"{trivia.Kind} {Quote(trivia.Text)} {trivia.Span}";

    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\r", "\\r").Replace("\n", "\\n").Replace("\t", "\\t") + "\"";
}
