using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using VmLang.Configuration;
using VmLang.Rendering;
using VmLang.Rules;
using VmLang.Text;
using Check = VmLang.Tests.Checking.Check;

namespace VmLang.Tests.Speech;

public sealed class SpokenLengthTests
{
    private static readonly WorkspaceConfiguration NoPause = WorkspaceConfiguration.Default with { PauseSeconds = 0 };

    [Fact]
    public void A_script_counts_its_words_and_one_pause_between_each_two_sentences()
    {
        // 18 words at 150 a minute = 7.2 s; three sentences, so two pauses.
        const string script = "Hi Dana, this is Sam. We cut hold times by a third!  Is Thursday good for a call?";

        Assert.Equal(7.2 + 2 * 0.5, SpokenLength.ScriptSeconds(script, null, WorkspaceConfiguration.Default), 9);
        Assert.Equal(7.2 + 2 * 1.25, SpokenLength.ScriptSeconds(script, null, WorkspaceConfiguration.Default with { PauseSeconds = 1.25 }), 9);
    }

    [Fact]
    public void Marks_that_end_nothing_make_no_pause()
    {
        // Not ends: a decimal point, the final mark, "?!" inside a run; trailing whitespace is not spoken.
        Assert.Equal(0, Pauses("Costs fell 3.5 percent. "));
        Assert.Equal(1, Pauses("Really?! Yes."));
        Assert.Equal(2, Pauses("Dr. Reyes said so.\n\nThanks."));
    }

    [Fact]
    public void The_contact_number_is_one_piece_read_digit_by_digit_and_never_split_by_a_pause()
    {
        const string script = "Call 555. 0100 today.";
        var pieces = Sentences.Split(script, " 555. 0100 ");

        Assert.Equal([SpokenPieceKind.Text, SpokenPieceKind.Telephone, SpokenPieceKind.Text], pieces.Select(p => p.Kind));
        Assert.Equal("555. 0100", pieces[1].In(script).ToString());
        // "Call" and "today." are 2 words, the 7 digits 3.5 words: 5.5 words at 150 a minute.
        Assert.Equal(5.5 * 0.4, SpokenLength.ScriptSeconds(script, "555. 0100", WorkspaceConfiguration.Default), 9);
    }

    [Fact]
    public void Digits_spelled_out_count_half_a_word_but_a_lone_number_word_is_a_word()
    {
        // "reach me at" 3 words + ten digit names at half a word; "on one bill" is 3 plain words.
        Assert.Equal((3 + 5) * 0.4, SpokenLength.ScriptSeconds("reach me at eight one seven, two two four, nine nine Zero zero", null, WorkspaceConfiguration.Default), 9);
        Assert.Equal(3 * 0.4, SpokenLength.ScriptSeconds("on one bill", null, WorkspaceConfiguration.Default), 9);
    }

    [Fact]
    public void A_template_estimate_counts_the_pauses_of_its_longer_branch()
    {
        // The else-branch "x y z w" has more words, but the then-branch "One. Two. Three." is longer to say
        // (3 words and 2 pauses: 2.2 s, against 1.6 s), so the estimate takes it.
        var source = Check.Template(
            members: "slot note : text optional",
            say: "Hi {{ prospect | first }}. {{ if note }}One. Two. Three.{{ else }}x y z w{{ end }} Thanks {{ rep }}, bye {{ number }}.");
        var compilation = Check.Compile(source);
        var template = compilation.Templates.Single();

        // Literal "Hi", "Thanks", "bye" + prospect|first 1 + branch 3 + caller 2 + contact 10 = 19 words (7.6 s);
        // pauses after the prospect's "." and after "One.", "Two." and "Three.": 2 s.
        Assert.Equal(19, SpokenLength.EstimateWords(template, compilation.Configuration));
        Assert.Equal(7.6 + 4 * 0.5, SpokenLength.EstimateSeconds(template, compilation.Configuration), 9);
    }

    [Fact]
    public void The_ssml_writes_exactly_the_pauses_the_estimate_counts()
    {
        var pieces = new[] { "Hi", "Dana", ".", "!", "?", "3.5", " ", "  ", "\n", "Dr.", "555. 0100", "x" };
        var scripts = Gen.Elements(pieces).ListOf().Select(parts => string.Concat(parts));
        var contacts = Gen.Elements<string?>(null, "555. 0100", " 555. 0100 ");
        Prop.ForAll(scripts.ToArbitrary(), contacts.ToArbitrary(), Gen.Elements(0.25, 0.5, 2.0).ToArbitrary(), (script, contact, pause) =>
        {
            var configuration = WorkspaceConfiguration.Default with { PauseSeconds = pause };
            var rendered = new RenderedScript(1, "t", "Dana", script, 0, [], contact);
            var ssml = ScriptFormatter.For(ScriptFormat.Ssml, pause).FormatScript(rendered);
            var breaks = Regex.Matches(ssml, $"<break time=\"{pause * 1000}ms\"/>").Count;

            var pauseSeconds = SpokenLength.ScriptSeconds(script, contact, configuration) - SpokenLength.ScriptSeconds(script, contact, NoPause);

            Assert.Equal(breaks * pause, pauseSeconds, 9);
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(500));
    }

    [Fact]
    public void A_script_is_counted_as_the_sentence_pieces_it_splits_into()
    {
        // The estimate counts in one pass; its definition is piece by piece (Sentences.Split, then the words
        // of each text piece), which the reference below spells out. Random scripts of awkward parts: digit
        // names with marks, sentence ends, the number, surrogate pairs and lone halves, non-ASCII space.
        var parts = new[]
        {
            "one", "Two,", "nine.", "ZERO!", "six?", "seven;", ",eight", "five:", "fives", "tw", "x", "Hi", "3.5", "?!", ".",
            " ", "  ", "\n", "\u00A0", "\u2003", "\u00E9t\u00E9", "\uD83D\uDE00", "\uD83D", "\uDE00", "555", "555. 0100", "-", "\u0660",
        };
        var scripts = Gen.Elements(parts).ListOf().Select(p => string.Concat(p));
        var contacts = Gen.Elements<string?>(null, "", " ", "555. 0100", " 555. 0100 ", "5", "one two", "\uDE00 1", "\uD83D\uDE00", "\uD83D", ". x");
        Prop.ForAll(scripts.ToArbitrary(), contacts.ToArbitrary(), (script, contact) =>
        {
            var configuration = WorkspaceConfiguration.Default with { PauseSeconds = 0.75 };
            Assert.Equal(ReferenceSeconds(script, contact, configuration), SpokenLength.ScriptSeconds(script, contact, configuration));
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(3000));
    }

    [Fact]
    public void A_template_is_estimated_as_the_script_its_holes_and_longer_branches_give()
    {
        // The estimate writes no string; it must give what the script it stands for gives (the reference
        // writes that script), through nested ifs, literal holes, defaults and first/last.
        var parts = new[]
        {
            "Hi", "one two", "three.", "Thanks!", " ", "\n    ", "{{ prospect | first }}", "{{ rep }}", "{{ firm }}", "{{ \"nine nine\" }}",
            "{{ number }}", "{{ pain }}.", "{{ note }}", "{{ extra }}", "{{ nobody }}", "{{ if note }}", "{{ else }}", "{{ end }}",
        };
        var says = Gen.Elements(parts).ListOf().Select(Balanced);
        Prop.ForAll(says.ToArbitrary(), say =>
        {
            var compilation = Check.Compile(Check.Template(members: "slot note : text optional\n  slot extra : text = \"eight. one\"", say: say));
            var template = compilation.Templates.Single();
            var script = ReferenceScript(template, compilation.Configuration);
            Assert.Equal(ReferenceSeconds(script, null, compilation.Configuration), SpokenLength.EstimateSeconds(template, compilation.Configuration));
            Assert.Equal(SpokenLength.CountWords(script), SpokenLength.EstimateWords(template, compilation.Configuration));
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(300));

        // Drops the ifs' else and end lines that have no if open, and closes the ifs left open.
        static string Balanced(IReadOnlyList<string> parts)
        {
            var said = new System.Text.StringBuilder();
            var open = new Stack<bool>();
            foreach (var part in parts)
            {
                if (part == "{{ else }}" && (open.Count == 0 || open.Peek())) continue;
                if (part == "{{ end }}" && open.Count == 0) continue;
                if (part == "{{ if note }}") open.Push(false);
                if (part == "{{ else }}") { open.Pop(); open.Push(true); }
                if (part == "{{ end }}") open.Pop();
                said.Append(part).Append(' ');
            }
            while (open.TryPop(out _)) said.Append("{{ end }}");
            return said.ToString();
        }
    }

    // The estimate as it is defined: the script split into sentence pieces, and the words of each text piece
    // counted on their own (a digit name in a run of two or more is DigitWords of a word).
    private static double ReferenceSeconds(string script, string? telephone, WorkspaceConfiguration configuration)
    {
        var words = 0.0;
        var pauses = 0;
        foreach (var piece in Sentences.Split(script, telephone))
        {
            var text = piece.In(script).ToString();
            switch (piece.Kind)
            {
                case SpokenPieceKind.Text:
                    var run = 0;
                    foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (!word.Any(char.IsLetterOrDigit)) continue;
                        if (VmLang.Emit.Filters.IsDigitWord(word.Trim(",.;:!?".ToCharArray())) && word.Trim(",.;:!?".ToCharArray()).Length >= 3) { run++; continue; }
                        words += (run >= 2 ? run * SpokenLength.DigitWords : run) + 1;
                        run = 0;
                    }
                    words += run >= 2 ? run * SpokenLength.DigitWords : run;
                    break;
                case SpokenPieceKind.Telephone:
                    words += text.Count(char.IsDigit) * SpokenLength.DigitWords;
                    break;
                case SpokenPieceKind.Pause:
                    pauses++;
                    break;
            }
        }
        return words * 60.0 / configuration.WordsPerMinute + pauses * configuration.PauseSeconds;
    }

    // The script a template stands for: literal text as written, each hole its estimate between spaces, each
    // if its branch that is longer to say (the then-branch on a tie).
    private static string ReferenceScript(VmLang.Binding.TemplateSymbol template, WorkspaceConfiguration configuration)
    {
        return Write(template.Say!.Body);

        string Write(System.Collections.Immutable.ImmutableArray<VmLang.Binding.BoundSayNode> nodes) => string.Concat(nodes.Select(node => node switch
        {
            VmLang.Binding.BoundText text => text.Syntax.Token.Text,
            VmLang.Binding.BoundStringHole literal => $" {literal.Value} ",
            VmLang.Binding.BoundSlotHole { Slot: null } => "  ",
            VmLang.Binding.BoundSlotHole hole when hole.IsSingleWord => " w ",
            VmLang.Binding.BoundSlotHole { Slot.DefaultValue: { } value } => $" {value} ",
            VmLang.Binding.BoundSlotHole hole => $" {string.Join(' ', Enumerable.Repeat("w", hole.Slot!.Role is { } role ? configuration.EstimatedWords(role) : 0))} ",
            VmLang.Binding.BoundIf branch => $" {Longer(Write(branch.Then), Write(branch.Else))} ",
            _ => throw new InvalidOperationException(),
        }));

        string Longer(string then, string otherwise) =>
            ReferenceSeconds(otherwise, null, configuration) > ReferenceSeconds(then, null, configuration) ? otherwise : then;
    }

    private static int Pauses(string script) =>
        (int)Math.Round((SpokenLength.ScriptSeconds(script, null, WorkspaceConfiguration.Default) - SpokenLength.ScriptSeconds(script, null, NoPause)) / 0.5);
}
