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

    private static int Pauses(string script) =>
        (int)Math.Round((SpokenLength.ScriptSeconds(script, null, WorkspaceConfiguration.Default) - SpokenLength.ScriptSeconds(script, null, NoPause)) / 0.5);
}
