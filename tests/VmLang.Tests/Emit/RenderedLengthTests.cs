using FsCheck;
using FsCheck.Fluent;
using VmLang.Emit;
using VmLang.Rules;
using VmLang.Syntax;
using VmLang.Tests.Fuzzing;

namespace VmLang.Tests.Emit;

/// <summary>
/// The row path counts the spoken length of each rendered script from what it knows of the template's literal
/// text (<see cref="RenderedLength"/>); it must give what counting the whole script gives
/// (<see cref="SpokenLength.ScriptSeconds(string, string?, VmLang.Configuration.WorkspaceConfiguration)"/>), to the bit, for any template and any values: sentence ends and
/// digit-name runs that span literal text and values, the contact number inside literal text or across it.
/// </summary>
public class RenderedLengthTests
{
    public sealed record Case(string Source, IReadOnlyList<(Dictionary<string, string?> Row, string? Telephone)> Rows)
    {
        public override string ToString() =>
            $"{Source}\n{string.Join("\n", Rows.Select(r => $"telephone {Quote(r.Telephone)}: {string.Join(", ", r.Row.Select(p => $"{p.Key}={Quote(p.Value)}"))}"))}";

        private static string Quote(string? value) => value is null ? "null" : System.Text.Json.JsonSerializer.Serialize(value);
    }

    private static readonly string[] Slots = ["a", "b", "c", "d"];

    // Words, digit names with and without marks, sentence marks, a number and its parts, apostrophes and non-ASCII.
    private static readonly string[] Pieces =
    [
        "Hi", "call", "me", "at", "one", "two", "Nine,", "seven.", "five!", "zero?", "eight;", "six:", "three", "3.5", "ok.", "—", "...", ".", "!", "?",
        "it's", "I'll", "é", "x817", "(817)", "224-0000", "(817) 224-0000", "555", "0100", "555 0100", "a.b", "817", "Four", "nine.",
    ];

    private static readonly string[] Gaps = [" ", " ", " ", "  ", "\n", "\t", "\u00a0", "", ". ", ".\n"];

    private static readonly Gen<string> Text =
        from count in Gen.Choose(0, 10)
        from pieces in Gen.Elements(Pieces).ArrayOf(count)
        from gaps in Gen.Elements(Gaps).ArrayOf(count + 1)
        select string.Concat(pieces.Select((p, i) => gaps[i] + p)) + gaps[count];

    private static readonly Gen<string?> Value = Gen.Frequency<string?>(
        (6, Text.Select(t => (string?)t)),
        (1, Gen.Elements<string?>(null, "", "  ", "(817) 224-0000", "one two three", "five.")));

    private static Gen<string> Body(int depth) =>
        from count in Gen.Choose(1, 6)
        from nodes in Node(depth).ArrayOf(count)
        select string.Concat(nodes);

    private static Gen<string> Node(int depth) => Gen.Frequency(
        (4, Text),
        (3, from slot in Gen.Elements(Slots) from filter in Gen.Elements("", "", "", " | spoken", " | first", " | upper") select $"{{{{ {slot}{filter} }}}}"),
        (depth < 2 ? 1 : 0,
            from slot in Gen.Elements(Slots)
            from then in Body(depth + 1)
            from otherwise in Gen.OneOf(Gen.Constant(""), Body(depth + 1).Select(b => "{{ else }}" + b))
            select $"{{{{ if {slot} }}}}{then}{otherwise}{{{{ end }}}}"));

    private static readonly Gen<(Dictionary<string, string?> Row, string? Telephone)> Row =
        from values in Value.ArrayOf(Slots.Length)
        from telephone in Gen.Frequency<string?>(
            (3, Gen.Choose(0, Slots.Length - 1).Select(i => (string?)values[i])),
            (2, Gen.Elements<string?>(null, "(817) 224-0000", " 555 0100 ", "one two", "Nine,", "x", "224-0000", ". ")),
            (1, Text.Select(t => (string?)t)))
        select (Slots.Select((s, i) => (s, values[i])).ToDictionary(p => p.s, p => p.Item2, StringComparer.OrdinalIgnoreCase), telephone);

    private static readonly Arbitrary<Case> Cases =
        (from body in Body(0)
         from rows in Row.ListOf(4)
         select new Case(
             $"template t for voicemail {{\n  max 600s\n{string.Concat(Slots.Select(s => $"  slot {s} : text optional\n"))}  say \"\"\"\n{body}\n\"\"\"\n}}\n",
             [.. rows])).ToArbitrary();

    [Fact]
    public void Counting_from_the_template_gives_what_counting_the_whole_script_gives()
    {
        Prop.ForAll(Cases, @case =>
        {
            var compilation = Compilation.Create([SyntaxTree.Parse(@case.Source, "t.vml")]);
            var template = compilation.Templates.Single();
            var renderer = ScriptRenderer.Create(template);
            var length = new RenderedLength(renderer.Lowered, compilation.Configuration);
            foreach (var (row, telephone) in @case.Rows)
            {
                var script = renderer.Render(new SlotValues(template, row));
                var expected = SpokenLength.ScriptSeconds(script, telephone, compilation.Configuration);
                var actual = length.Seconds(script, telephone, renderer.LiteralWrites);
                Assert.True(
                    BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual),
                    $"expected {expected}, counted {actual} for script {System.Text.Json.JsonSerializer.Serialize(script)}, telephone {telephone}");
            }
        }).Check(FuzzCases.Config);
    }

    [Theory]
    [InlineData("Hi {{ a }}, this is me. If it's of interest, call nine {{ b }} at {{ c }}.", "one two", "(817) 224-0000")]
    [InlineData("{{ a }} one two three four. Five six {{ b }}", "nine", "six")]
    [InlineData("call me at (817) 224-0000 or at {{ a }}. Thanks, {{ b }}", "(817) 224-0000", "me")]
    [InlineData("call me at 817 224 {{ a }} now. Bye", "0000", "zero")]
    public void Known_shapes_count_as_the_whole_script(string say, string a, string b)
    {
        var source = $"template t for voicemail {{\n  max 600s\n  slot a : text optional\n  slot b : text optional\n  slot c : text optional\n  say \"\"\"\n{say}\n\"\"\"\n}}\n";
        var compilation = Compilation.Create([SyntaxTree.Parse(source, "t.vml")]);
        var template = compilation.Templates.Single();
        var renderer = ScriptRenderer.Create(template);
        var length = new RenderedLength(renderer.Lowered, compilation.Configuration);
        var row = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { ["a"] = a, ["b"] = b, ["c"] = "(817) 224-0000" };
        foreach (var telephone in new[] { null, a, b, "(817) 224-0000", "817 224 0000" })
        {
            var script = renderer.Render(new SlotValues(template, row));
            Assert.Equal(SpokenLength.ScriptSeconds(script, telephone, compilation.Configuration), length.Seconds(script, telephone, renderer.LiteralWrites));
        }
    }

    [Fact]
    public void The_ascii_table_says_what_the_char_methods_and_the_digit_names_say()
    {
        string[] names = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
        for (var c = (char)0; c < 128; c++)
        {
            var expected =
                (char.IsWhiteSpace(c) ? SpokenCount.Space : 0)
                | (char.IsLetterOrDigit(c) ? SpokenCount.Content : 0)
                | (c is '.' or '!' or '?' ? SpokenCount.SentenceMark : 0)
                | (",.;:!?".Contains(c) ? SpokenCount.NameMark : 0)
                | (names.Any(n => n[0] == char.ToLowerInvariant(c)) ? SpokenCount.NameStart : 0);
            Assert.True(expected == SpokenCount.AsciiKinds[c], $"character {(int)c}: table {SpokenCount.AsciiKinds[c]}, definitions {expected}");
        }
    }
}
