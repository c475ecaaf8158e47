using System.Collections.Immutable;
using System.Text;
using VmLang.Binding;

namespace VmLang.Emit;

/// <summary>A template lowered to Handlebars source, plus the literal text that could not be written inline.</summary>
public sealed record LoweredTemplate(string Source, ImmutableArray<string> Literals);

/// <summary>
/// Lowers a checked template's <c>say</c> block to a Handlebars program. Holes become helper calls
/// (<c>vml_slot</c> for the value, one helper per filter); <c>if</c>/<c>else</c>/<c>end</c> become
/// <c>{{#if}}…{{else}}…{{/if}}</c>. Literal text that Handlebars would read as syntax (a <c>{{</c>, or a
/// backslash that could escape one) goes to a literal table and is said by <c>vml_text</c>, so no
/// text a user wrote can change the program.
/// </summary>
public static class HandlebarsLowering
{
    public const string SlotHelper = "vml_slot";
    public const string TextHelper = "vml_text";
    public const string PresentHelper = "vml_present";

    public static LoweredTemplate Lower(BoundSay say)
    {
        var source = new StringBuilder();
        var literals = ImmutableArray.CreateBuilder<string>();
        Emit(say.Body, source, literals);
        return new LoweredTemplate(source.ToString(), literals.ToImmutable());
    }

    public static string HelperName(ValueFilter filter) => "vml_" + filter.ToString().ToLowerInvariant();

    private static void Emit(ImmutableArray<BoundSayNode> nodes, StringBuilder source, ImmutableArray<string>.Builder literals)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case BoundText text:
                    // Unindented when asked for: read it once.
                    var value = text.Value;
                    if (IsSafeInline(value)) source.Append(value);
                    else source.Append("{{").Append(TextHelper).Append(' ').Append(AddLiteral(value, literals)).Append("}}");
                    break;
                case BoundStringHole literal:
                    EmitValue($"({TextHelper} {AddLiteral(literal.Value, literals)})", literal.Filters, source);
                    break;
                case BoundSlotHole hole when hole.Slot is { } slot:
                    EmitValue($"({SlotHelper} \"{slot.Name}\")", hole.Filters, source);
                    break;
                case BoundIf branch when branch.Condition is { } condition:
                    source.Append("{{#if (").Append(PresentHelper).Append(" \"").Append(condition.Name).Append("\")}}");
                    Emit(branch.Then, source, literals);
                    if (!branch.Else.IsEmpty)
                    {
                        source.Append("{{else}}");
                        Emit(branch.Else, source, literals);
                    }
                    source.Append("{{/if}}");
                    break;
                default:
                    throw new InvalidOperationException($"Only templates without errors are lowered; found {node}.");
            }
        }
    }

    /// <summary><c>{{vml_upper (vml_first (vml_slot "prospect"))}}</c>: filters apply left to right, so the first is innermost.</summary>
    private static void EmitValue(string value, ImmutableArray<ValueFilter> filters, StringBuilder source)
    {
        foreach (var filter in filters) value = $"({HelperName(filter)} {value})";
        source.Append("{{").Append(value[1..^1]).Append("}}");
    }

    private static int AddLiteral(string value, ImmutableArray<string>.Builder literals)
    {
        literals.Add(value);
        return literals.Count - 1;
    }

    private static bool IsSafeInline(string text) => !text.Contains("{{", StringComparison.Ordinal) && !text.Contains('\\') && !text.EndsWith('{');
}
