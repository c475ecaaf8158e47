using VmLang.Diagnostics;
using VmLang.Rules;

namespace VmLang.Tests.Checking;

public class RuleTests
{
    [Fact]
    public void Missing_role_is_one_error_per_role_with_an_add_slot_fix_that_resolves_it()
    {
        var source = "template t for voicemail {\n  slot prospect : prospect\n  say \"\"\"\n    Hi {{ prospect }}.\n    \"\"\"\n}\n";
        var missing = Check.Diagnostics(source).Where(d => d.Code == "VML0201").ToList();
        Assert.Equal(6, missing.Count);
        var fix = missing.First(d => d.Message.Contains("'caller'")).Fixes.Single();
        var edit = fix.Edits.Single();
        var fixedSource = source[..edit.Span.Start] + edit.NewText + source[edit.Span.End..];
        Assert.Contains("  slot caller : caller\n", fixedSource);
        Assert.DoesNotContain(Check.Diagnostics(fixedSource), d => d.Code == "VML0201" && d.Message.Contains("'caller'"));
    }

    [Fact]
    public void Add_slot_fix_keeps_the_files_line_endings()
    {
        var source = "template t for voicemail {\r\n  slot prospect : prospect\r\n  say \"\"\"\r\n    Hi {{ prospect }}.\r\n    \"\"\"\r\n}\r\n";
        var edit = Check.Diagnostics(source).First(d => d.Code == "VML0201").Fixes.Single().Edits.Single();
        Assert.EndsWith("\r\n", edit.NewText);
        Assert.DoesNotContain("\n", edit.NewText.Replace("\r\n", ""));
    }

    [Fact]
    public void Gatekeeper_needs_only_its_roles()
    {
        var source = "template g for gatekeeper {\n  slot p : prospect\n  slot r : caller\n  slot c : company\n  slot n : contact\n" +
                     "  say \"\"\"\n    Hi, {{ r }} of {{ c }} for {{ p }}. May I leave a voicemail? {{ n }}\n    \"\"\"\n}\n";
        Assert.Empty(Check.Codes(source));
    }

    [Fact]
    public void Required_slot_said_only_under_if_is_an_error_but_optional_is_fine()
    {
        var say = "Hi {{ prospect | first }}, {{ rep }} at {{ firm }}. {{ pain }}; we {{ gain }}. I'll call {{ when }}.{{ if number }} {{ number }}{{ end }}";
        var diagnostic = Assert.Single(Check.Diagnostics(Check.Template(say: say)));
        Assert.Equal("VML0202", diagnostic.Code);
        Assert.Contains("only inside an 'if'", diagnostic.Message);

        var withOptional = Check.Template(members: "slot note : text optional",
            say: "Hi {{ prospect | first }}, {{ rep }} at {{ firm }}. {{ pain }}; we {{ gain }}. I'll call {{ when }} at {{ number }}.{{ if note }} {{ note }}{{ end }}");
        Assert.Empty(Check.Codes(withOptional));
        Assert.Equal(["VML0203"], Check.Codes(Check.Template(members: "slot note : text optional")));
    }

    [Fact]
    public void Spoken_length_counts_holes_by_role_defaults_and_the_longest_branch()
    {
        // 5 literal words + prospect|first 1 + caller 2 + company default "Acme Corporation Worldwide" 3
        // + reason 10 + benefit 10 + callback 4 + contact 10, longest branch of the if ("a b c" = 3 words).
        var source = Check.Template(members: "slot note : text optional",
            say: "Hi {{ prospect | first }}, {{ rep }} at {{ firm }}. {{ pain }}; we {{ gain }}. Call {{ when }} at {{ number }}.{{ if note }} a b c{{ else }}x{{ end }}")
            .Replace("slot firm : company", "slot firm : company = \"Acme Corporation Worldwide\"");
        var compilation = Check.Compile(source);
        var template = compilation.Templates.Single();
        Assert.Equal(5 + 1 + 2 + 3 + 10 + 10 + 4 + 10 + 3, SpokenLength.EstimateWords(template, compilation.Configuration));

        var slow = Check.Config("{ \"wordsPerMinute\": 60, \"roles\": { \"reason\": { \"estimatedWords\": 0 } } }");
        // 38 words at one a second, and a 0.5 s pause after each of the first three sentences
        // (the last "." is followed by the if's branch, which is said after it).
        Assert.Equal(38.0 + 3 * 0.5, SpokenLength.EstimateSeconds(Check.Compile(slow, source).Templates.Single(), slow));
    }

    [Fact]
    public void Too_long_names_the_estimate_and_the_budget()
    {
        var diagnostic = Assert.Single(Check.Diagnostics(Check.Template(members: "max 10s")));
        Assert.Equal("VML0204", diagnostic.Code);
        // 48 words at 150 a minute (19.2 s) and a pause between each two of its three sentences.
        Assert.Contains("20.2 s", diagnostic.Message);
        Assert.Contains("10 s", diagnostic.Message);
        Assert.Empty(Check.Codes(Check.Template(members: "max 21s")));
    }

    [Fact]
    public void Prospect_must_be_named_in_the_first_sentence()
    {
        var late = "This is {{ rep }} at {{ firm }}. Hi {{ prospect }}. {{ pain }}; we {{ gain }}. I'll call {{ when }}, {{ number }}.";
        Assert.Equal(["VML0205"], Check.Codes(Check.Template(say: late)));
    }

    [Fact]
    public void Gatekeeper_that_pitches_is_warned_once_per_hole()
    {
        var codes = Check.Codes(Check.Template(channel: "gatekeeper"));
        Assert.Equal(2, codes.Count(c => c == "VML0206"));
    }

    [Theory]
    [InlineData("If you could call {{ number }}, that helps.", true)]
    [InlineData("If you could call {{ number }}, I will send the notes.", false)]
    [InlineData("If you could call {{ number }}, we’ll send the notes.", false)]
    [InlineData("If you could call {{ number }}. I will send the notes.", true)]
    public void If_you_could_needs_a_promise_in_the_same_sentence(string sentence, bool fires)
    {
        var say = "Hi {{ prospect | first }}, {{ rep }} at {{ firm }}. {{ pain }}; we {{ gain }}, see you {{ when }}. " + sentence;
        Assert.Equal(fires, Check.Codes(Check.Template(say: say)).Contains("VML0207"));
    }

    [Theory]
    [InlineData("If you could call. I will write. If you could reply, I'll call. Then if you could wait, thanks.", 2)]
    [InlineData("I will write. If you could call, or if you could reply. We will wait.", 2)]
    [InlineData("If you could call! If you could reply? We'll wait, if you could.", 2)]
    public void If_you_could_is_reported_once_per_ask_in_each_sentence_without_a_promise(string sentences, int asks)
    {
        var say = "Hi {{ prospect | first }}, {{ rep }} at {{ firm }}. {{ pain }}; we {{ gain }}, see you {{ when }}. " + sentences;
        Assert.Equal(asks, Check.Codes(Check.Template(say: say)).Count(c => c == "VML0207"));
    }

    [Fact]
    public void Voicemails_a_day_apart_are_too_close_but_gatekeeper_steps_do_not_count()
    {
        var templates = new[] { Check.Template("a"), Check.Template("b"), Check.Template("g", channel: "gatekeeper").Replace("{{ pain }}; we {{ gain }}. ", "").Replace("slot pain : reason", "").Replace("slot gain : benefit", "") };
        Assert.Equal(["VML0208"], Check.Codes([.. templates, "sequence s {\n  day 1 a\n  day 2 b\n}"]));
        Assert.Empty(Check.Codes([.. templates, "sequence s {\n  day 1 a\n  day 2 g\n  day 3 b\n}"]));
    }

    [Theory]
    [InlineData("It's personal.", "VML1001")]
    [InlineData("it IS   personal", "VML1001")]
    [InlineData("It’s personal", "VML1001")]
    [InlineData("Please give me a\n    call back.", "VML1002")]
    [InlineData("I'd like to tell you about my services.", "VML1003")]
    [InlineData("Just checking in.", "VML1004")]
    [InlineData("Special discount!", "VML1005")]
    public void Built_in_phrases_match_case_space_and_apostrophe_insensitively(string phrase, string code)
    {
        var say = "Hi {{ prospect | first }}, {{ rep }} at {{ firm }}. " + phrase + " {{ pain }}; we {{ gain }}. I'll call {{ when }} at {{ number }}.";
        Assert.Contains(code, Check.Codes(Check.Template(say: say)));
    }

    [Fact]
    public void Overlapping_phrases_of_one_rule_are_one_finding()
    {
        var say = "Hi {{ prospect | first }}, {{ rep }} at {{ firm }}. {{ pain }}; we {{ gain }}. I'll call {{ when }}. Please call me back at your earliest convenience at {{ number }}.";
        var begging = Assert.Single(Check.Diagnostics(Check.Template(say: say)), d => d.Code == "VML1002");
        Assert.Contains("call me back at your earliest convenience", begging.Message);
    }

    [Theory]
    [InlineData("It's personalized for you.")]
    [InlineData("We act nowhere near that.")]
    [InlineData("Touching {{ prospect }} base.")]
    public void Phrases_match_whole_words_and_never_across_holes(string text)
    {
        var say = "Hi {{ prospect | first }}, {{ rep }} at {{ firm }}. " + text + " {{ pain }}; we {{ gain }}. I'll call {{ when }} at {{ number }}.";
        Assert.Empty(Check.Codes(Check.Template(say: say)));
    }

    [Fact]
    public void Ruleset_phrases_report_the_ruleset_the_reason_the_severity_and_a_replacement()
    {
        var ruleset = "ruleset house {\n  forbid \"guarantee\" because \"Legal reviews it.\" as error\n  prefer \"call me\" => \"reach me\" because \"Give a reason.\"\n}";
        var say = "Hi {{ prospect | first }}, {{ rep }} at {{ firm }}. {{ pain }}; we {{ gain }}, guarantee. Call me {{ when }} at {{ number }}.";
        var diagnostics = Check.Diagnostics(Check.Template(members: "use house", say: say), ruleset).Where(d => d.Code == "VML1100").ToList();
        Assert.Equal(2, diagnostics.Count);
        var forbid = diagnostics.Single(d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains("house", forbid.Message);
        Assert.Contains("Legal reviews it.", forbid.Message);
        var prefer = diagnostics.Single(d => d.Severity == DiagnosticSeverity.Warning);
        Assert.Contains("reach me", prefer.Message);
        // "Call me" starts a sentence, so the replacement does too.
        Assert.Equal("Reach me", prefer.Fixes.Single().Edits.Single().NewText);
        // A ruleset only applies to the templates that use it.
        Assert.DoesNotContain("VML1100", Check.Codes(Check.Template(say: say), ruleset));
    }

    [Theory]
    [InlineData("I'll call {{ when }}. Please give me a call back at {{ number }}.", "I'll call {{ when }}. If this is of interest, you can reach me at {{ number }}.")]
    [InlineData("I'll call {{ when }}. Please call me back on {{ number }}.", "I'll call {{ when }}. If this is of interest, you can reach me at {{ number }}.")]
    [InlineData("I'll call {{ when }}, so please return my call at {{ number }}.", "I'll call {{ when }}, so if this is of interest, you can reach me at {{ number }}.")]
    [InlineData("I'll call {{ when }}. Please call me back, {{ number }}.", "I'll call {{ when }}. If this is of interest, you can reach me at, {{ number }}.")]
    [InlineData("I'll call {{ when }}. Please call me back attentively {{ number }}.", "I'll call {{ when }}. If this is of interest, you can reach me at attentively {{ number }}.")]
    public void Begging_fix_reads_as_one_sentence(string said, string fixedText)
    {
        var intro = "Hi {{ prospect | first }}, {{ rep }} at {{ firm }}. {{ pain }}; we {{ gain }}. ";
        var source = Check.Template(say: intro + said);
        var begging = Check.Diagnostics(source).Single(d => d.Code == "VML1002");
        var edit = begging.Fixes.Single().Edits.Single();
        var result = source[..edit.Span.Start] + edit.NewText + source[edit.Span.End..];
        Assert.Equal(Check.Template(say: intro + fixedText), result);
    }
}
