using System.Collections.Immutable;
using VmLang.Binding;
using VmLang.Diagnostics;
using VmLang.Syntax;
using VmLang.Text;

namespace VmLang.Rules;

/// <summary>The edits that diagnostics carry; editors show them as quick fixes.</summary>
public static class Fixes
{
    /// <summary>Adds <c>slot ROLE : ROLE</c> after the template's last slot (or at the top of its body).</summary>
    public static CodeFix AddSlot(TemplateSymbol template, Role role)
    {
        var name = template.FindSlot(role.Name) is null ? role.Name : $"{role.Name}_value";
        var lastSlot = template.Syntax.Members.OfType<SlotMemberSyntax>().LastOrDefault();
        var anchor = lastSlot is null ? template.Syntax.OpenBrace.Span : lastSlot.Span;
        return new CodeFix($"Add a '{role.Name}' slot", [InsertLineAfter(template, anchor, $"slot {name} : {role.Name}")]);
    }

    /// <summary>Adds <c>allow CODE because ""</c> as the template's first member, for the author to give the reason.</summary>
    public static CodeFix Allow(TemplateSymbol template, string code) =>
        new($"Allow {code} in template '{template.Name}'", [InsertLineAfter(template, template.Syntax.OpenBrace.Span, $"allow {code} because \"\"")]);

    /// <summary>
    /// Replaces a matched phrase so the sentence still reads right: a phrase that starts a sentence
    /// with a capital keeps it, and a replacement ending in "at" or "on" takes the place of the "at"
    /// or "on" that followed the phrase ("call me back at {{ number }}" does not become "reach me at at").
    /// </summary>
    public static CodeFix ReplacePhrase(Location location, string replacement)
    {
        var text = location.Text.Text;
        var said = text.AsSpan(location.Span.Start, location.Span.Length);
        var newText = said.Length > 0 && char.IsUpper(said[0]) && replacement.Length > 0
            ? char.ToUpperInvariant(replacement[0]) + replacement[1..]
            : replacement;
        var span = location.Span;
        if (EndsWithPreposition(replacement) && FollowingPreposition(text, span.End) is { } preposition)
        {
            span = TextSpan.FromBounds(span.Start, preposition.End);
        }
        return new CodeFix($"Say \"{replacement}\" instead", [new FileEdit(location.FilePath, span, newText)], IsPreferred: true);
    }

    private static readonly string[] Prepositions = ["at", "on"];

    private static bool EndsWithPreposition(string replacement)
    {
        var words = replacement.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && Prepositions.Contains(words[^1], StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The whitespace and "at"/"on" right after <paramref name="end"/>, as a span, if they are there as a whole word.</summary>
    private static TextSpan? FollowingPreposition(string text, int end)
    {
        var start = end;
        while (start < text.Length && text[start] is ' ' or '\t') start++;
        if (start == end) return null;
        foreach (var word in Prepositions)
        {
            var wordEnd = start + word.Length;
            if (wordEnd <= text.Length && string.Compare(text, start, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (wordEnd == text.Length || !char.IsLetterOrDigit(text[wordEnd])))
            {
                return TextSpan.FromBounds(end, wordEnd);
            }
        }
        return null;
    }

    private static FileEdit InsertLineAfter(TemplateSymbol template, TextSpan anchor, string line)
    {
        var text = template.SyntaxTree.Text;
        var anchorLine = text.GetLineIndex(anchor.End);
        var indentation = MemberIndentation(template);
        // Keep the line ending the text already has, so a fix never mixes LF into a CRLF file. It is read
        // from the anchor's line or the template, not the rest of the file: a template's findings are
        // reused while its own text is unchanged (TemplateFindings).
        var newLine = anchorLine + 1 < text.LineCount
            ? text.Text[text.GetLineContentEnd(anchorLine)..text.GetLineStart(anchorLine + 1)]
            : text.ToString(template.Syntax.Span).Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        if (anchorLine + 1 < text.LineCount)
        {
            var at = text.GetLineStart(anchorLine + 1);
            return new FileEdit(template.SyntaxTree.FilePath, new TextSpan(at, 0), $"{indentation}{line}{newLine}");
        }
        var end = text.GetLineContentEnd(anchorLine);
        return new FileEdit(template.SyntaxTree.FilePath, new TextSpan(end, 0), $"{newLine}{indentation}{line}");
    }

    private static string MemberIndentation(TemplateSymbol template)
    {
        var first = template.Syntax.Members.FirstOrDefault();
        if (first is null) return "  ";
        var text = template.SyntaxTree.Text;
        var lineStart = text.GetLineStart(text.GetLineIndex(first.Span.Start));
        var indentation = text.ToString(TextSpan.FromBounds(lineStart, first.Span.Start));
        return indentation.All(c => c is ' ' or '\t') ? indentation : "  ";
    }
}
