using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace VmLang.Tests.Fuzzing;

/// <summary>
/// Templates that check without errors, with a row of data for them: a slot for every required role, each
/// said outside any <c>if</c>; more slots said under nested <c>if</c>/<c>else</c>; filters, members and
/// string holes; slot names that are keywords of template engines. Each template comes with the values its
/// rendering must contain verbatim: those of the unfiltered holes that the row's data takes.
/// </summary>
internal static class CleanTemplateGenerator
{
    public sealed record Row(Dictionary<string, string?> Values, IReadOnlyList<string> Said)
    {
        public override string ToString() => string.Join(", ", Values.Select(p => $"{p.Key}={System.Text.Json.JsonSerializer.Serialize(p.Value)}"));
    }

    public sealed record Case(string Source, Row Row)
    {
        public override string ToString() => $"{Source}\nrow: {Row}";
    }

    private abstract record Node;
    private sealed record Literal(string Text) : Node;
    private sealed record Hole(string Slot, string Suffix) : Node;
    private sealed record Branch(string Slot, IReadOnlyList<Node> Then, IReadOnlyList<Node>? Else) : Node;

    private static readonly string[] Required = ["prospect", "caller", "company", "reason", "benefit", "callback", "contact"];
    private static readonly string[] GatekeeperRequired = ["prospect", "caller", "company", "contact"];

    // Names that mean something to Handlebars, Scriban or Liquid are still plain slots.
    private static readonly string[] Names =
        ["who", "rep", "firm", "pain", "gain", "when", "number", "this", "lookup", "func", "ret", "with", "in", "case", "capture",
         "null", "true", "empty", "object", "string", "vml_slot", "x", "_", "a1", "include", "raw", "page", "each"];

    private static readonly string[] Words = ["Hi", " there", ", ", ". ", "thanks", "we", " ", "{ ", " }", "}}", "$", "\\", "%}", "{%", "q\"\"\"", "'", "’", "#", "@x"];

    private static readonly string[] Filtered = [" | first", " | last", " | upper", " | lower", " | spoken", ".first", ".last | upper", " | lower | upper"];

    private static readonly Gen<string> Value = Gen.OneOf(
        Gen.Elements("Dana Reyes", "(817) 224-9900", "{{ rep }}", "{{#each this}}x{{/each}}", "{% end %}", "{{ end }}", "\\", "$x", "a\nb",
            "😀 é", " padded ", "<b>&amp;</b>", "null", "}}", "{{", "\"quoted\"", "Thursday at 9", "0", "  ", "", "it's"),
        ArbMap.Default.GeneratorFor<string>().Where(s => s is not null));

    public static Arbitrary<Case> Cases { get; } = Generate().ToArbitrary();

    private static Gen<Case> Generate() =>
        from gatekeeper in Gen.Elements(false, false, true)
        from names in Gen.Shuffle(Names)
        from extraCount in Gen.Choose(0, 3)
        let roles = gatekeeper ? GatekeeperRequired : Required
        let required = names.Take(roles.Length).ToArray()
        let extra = names.Skip(roles.Length).Take(extraCount).ToArray()
        from defaults in Gen.Elements(false, false, true).ArrayOf(extra.Length)
        from body in Body(required, [.. required, .. extra], depth: 0)
        from values in Value.ArrayOf(required.Length + extra.Length)
        from indentation in Gen.Elements("", "  ", "    ", "\t")
        let slots = required.Select((n, i) => $"  slot {n} : {roles[i]}\n")
            .Concat(extra.Select((n, i) => $"  slot {n} : text optional{(defaults[i] ? $" = \"{Default}\"" : "")}\n"))
        let defaultValues = required.Select(_ => (string?)null).Concat(defaults.Select(d => d ? Default : null)).ToArray()
        select new Case(
            $"template t for {(gatekeeper ? "gatekeeper" : "voicemail")} {{\n  max 600s\n{string.Concat(slots)}  say \"\"\"\n{indentation}{Write(body, indentation)}\n{indentation}\"\"\"\n}}\n",
            MakeRow([.. required, .. extra], values, defaultValues, body));

    private const string Default = "the default";

    private static Row MakeRow(string[] slots, string[] values, string?[] defaults, IReadOnlyList<Node> body)
    {
        // A blank value takes the slot's default, or is empty.
        var effective = slots.Select((slot, i) => (slot, value: string.IsNullOrWhiteSpace(values[i]) ? defaults[i] ?? "" : values[i]))
            .ToDictionary(p => p.slot, p => p.value);
        return new Row(slots.Select((slot, i) => (slot, values[i])).ToDictionary(p => p.slot, p => (string?)p.Item2, StringComparer.OrdinalIgnoreCase), Said(body, effective));
    }

    /// <summary>Every required slot said at this level, between random other nodes.</summary>
    private static Gen<IReadOnlyList<Node>> Body(string[] mustSay, string[] slots, int depth) =>
        from before in AnyNode(slots, depth).ListOf(3).Select(l => l.ToList()).ArrayOf(mustSay.Length + 1)
        from filters in Gen.Elements("", "", "", " | upper").ArrayOf(mustSay.Length)
        select (IReadOnlyList<Node>)[.. before.SelectMany((nodes, i) => i < mustSay.Length
            ? [.. nodes, new Hole(mustSay[i], ""), new Literal(" "), new Hole(mustSay[i], filters[i])]
            : nodes)];

    private static Gen<Node> AnyNode(string[] slots, int depth) => Gen.Frequency(
        (4, Gen.Elements(Words).Select(w => (Node)new Literal(w))),
        (3, from slot in Gen.Elements(slots) from suffix in Gen.Elements([.. Filtered, "", ""]) select (Node)new Hole(slot, suffix)),
        (1, Gen.Elements("{{ \"{{\" }}", "{{ \"lit\" | upper }}", "\n", "\n\n").Select(w => (Node)new Literal(w))),
        (depth < 3 ? 1 : 0,
            from slot in Gen.Elements(slots)
            from then in Body([], slots, depth + 1)
            from hasElse in Gen.Elements(true, false)
            from otherwise in Body([], slots, depth + 1)
            select (Node)new Branch(slot, then, hasElse ? otherwise : null)));

    private static string Write(IReadOnlyList<Node> nodes, string indentation) => Write(nodes, indentation, new StringBuilder()).ToString();

    private static StringBuilder Write(IReadOnlyList<Node> nodes, string indentation, StringBuilder text)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case Literal { Text: var literal }:
                    // A line break starts a content line, which carries the block's indentation.
                    text.Append(literal.Replace("\n", "\n" + indentation));
                    break;
                case Hole hole:
                    text.Append("{{ ").Append(hole.Slot).Append(hole.Suffix).Append(" }}");
                    break;
                case Branch branch:
                    Write(branch.Then, indentation, text.Append("{{ if ").Append(branch.Slot).Append(" }}"));
                    if (branch.Else is { } otherwise) Write(otherwise, indentation, text.Append("{{ else }}"));
                    text.Append("{{ end }}");
                    break;
            }
        }
        return text;
    }

    /// <summary>The values of the unfiltered holes that rendering reaches with these values.</summary>
    private static List<string> Said(IReadOnlyList<Node> nodes, Dictionary<string, string> values)
    {
        var said = new List<string>();
        foreach (var node in nodes)
        {
            if (node is Hole { Suffix: "" } hole) said.Add(values[hole.Slot]);
            if (node is Branch branch)
            {
                var taken = !string.IsNullOrWhiteSpace(values[branch.Slot]) ? branch.Then : branch.Else ?? [];
                said.AddRange(Said(taken, values));
            }
        }
        return said;
    }
}
