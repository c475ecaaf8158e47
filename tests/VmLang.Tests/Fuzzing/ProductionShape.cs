using VmLang.Syntax;
using VmLang.Tests.Fuzzing.ReferenceGrammar;

namespace VmLang.Tests.Fuzzing;

/// <summary>The production parser's reading of a file, in the reference grammar's terms.</summary>
internal static class ProductionShape
{
    /// <summary>Accepted: no syntax diagnostic (VML0001–VML0003).</summary>
    public static bool Accepts(SyntaxTree tree) => !tree.Diagnostics.Any(d => d.Code is "VML0001" or "VML0002" or "VML0003");

    public static IReadOnlyList<DeclarationShape> Of(SyntaxTree tree) => [.. tree.Root.Declarations.Select(Of)];

    private static DeclarationShape Of(DeclarationSyntax declaration) => declaration switch
    {
        TemplateDeclarationSyntax template => new("template", template.Name.Text, [.. template.Members.Select(Of)]),
        RulesetDeclarationSyntax ruleset => new("ruleset", ruleset.Name.Text, [.. ruleset.Rules.Select(Of)]),
        SequenceDeclarationSyntax sequence => new("sequence", sequence.Name.Text, [.. sequence.Steps.Select(s => $"day {s.Day.Text} {s.Template.Text}")]),
        _ => throw new InvalidOperationException($"Unknown declaration {declaration.Kind}"),
    };

    private static string Of(TemplateMemberSyntax member) => member switch
    {
        UseMemberSyntax use => $"use {use.Ruleset.Text}",
        MaxMemberSyntax max => $"max {max.Duration.Text}",
        AllowMemberSyntax allow => $"allow {allow.Code.Text}",
        SlotMemberSyntax slot => $"slot {slot.Name.Text}:{slot.Role.Text}{(slot.OptionalKeyword is null ? "" : " optional")}{(slot.DefaultValue is null ? "" : " =")}",
        SayMemberSyntax say => "say " + string.Concat(say.TextBlock.Parts.OfType<HoleSyntax>().Select(Of)),
        _ => throw new InvalidOperationException($"Unknown member {member.Kind}"),
    };

    private static string Of(RuleSyntax rule) => rule switch
    {
        ForbidRuleSyntax forbid => $"forbid {forbid.Phrases.Count()}",
        _ => "prefer",
    };

    private static string Of(HoleSyntax hole) => "{{" + hole switch
    {
        IfHoleSyntax branch => "if " + Of(branch.Condition),
        ElseHoleSyntax => "else",
        EndHoleSyntax => "end",
        ExpressionHoleSyntax expression => Of(expression.Expression.Primary) + string.Concat(expression.Expression.Filters.Select(f => "|" + f.Name.Text)),
        _ => throw new InvalidOperationException($"Unknown hole {hole.Kind}"),
    } + "}}";

    private static string Of(PrimarySyntax primary) => primary switch
    {
        PathSyntax path => path.Slot.Text + string.Concat(path.Members.Select(m => "." + m.Name.Text)),
        StringExpressionSyntax literal => "\"" + literal.Literal.ValueText + "\"",
        _ => throw new InvalidOperationException($"Unknown primary {primary.Kind}"),
    };
}
