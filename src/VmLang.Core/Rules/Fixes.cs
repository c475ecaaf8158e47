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

    public static CodeFix Replace(string title, Location location, string replacement) =>
        new(title, [new FileEdit(location.FilePath, location.Span, replacement)], IsPreferred: true);

    private static FileEdit InsertLineAfter(TemplateSymbol template, TextSpan anchor, string line)
    {
        var text = template.SyntaxTree.Text;
        var anchorLine = text.GetLineIndex(anchor.End);
        var indentation = MemberIndentation(template);
        // Keep the file's own line ending, so a fix never mixes LF into a CRLF file.
        var newLine = text.Text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
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
