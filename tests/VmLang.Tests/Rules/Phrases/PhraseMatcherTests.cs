using VmLang.Rules.Phrases;

namespace VmLang.Tests.Rules.Phrases;

public sealed class PhraseMatcherTests
{
    [Theory]
    [InlineData("IT'S PERSONAL", "It's Personal")]
    [InlineData("it's personal", "IT'S PERSONAL")]
    [InlineData("Please Call Me Back", "please call me back")]
    public void Find_ignores_case(string phrase, string text)
        => Assert.Equal([text], MatchedTexts([phrase], text));

    [Theory]
    [InlineData("please  call me   back")]
    [InlineData("please\ncall\r\nme\tback")]
    [InlineData("please \t\n  call me back")]
    [InlineData("please\u00A0call me back")]
    public void Find_treats_any_whitespace_run_as_one_space(string text)
        => Assert.Equal([text], MatchedTexts(["please call me back"], text));

    [Fact]
    public void Find_treats_whitespace_runs_in_the_phrase_as_one_space()
        => Assert.Equal(["please call me back"], MatchedTexts(["  please \n call\tme back  "], "please call me back"));

    [Theory]
    [InlineData("it's personal", "It\u2019s personal")]
    [InlineData("it\u2019s personal", "It's personal")]
    [InlineData("it\u2018s personal", "It\u2019s personal")]
    [InlineData("it\u2019s personal", "It\u2018s personal")]
    public void Find_treats_curly_and_straight_apostrophes_alike(string phrase, string text)
        => Assert.Equal([text], MatchedTexts([phrase], text));

    [Theory]
    [InlineData("act now", "exact now")]
    [InlineData("buy now", "buy nowhere")]
    [InlineData("buy now", "rebuy now")]
    [InlineData("touching base", "touching baseline")]
    [InlineData("it", "It's personal")]
    [InlineData("it", "It\u2019s personal")]
    [InlineData("s personal", "It's personal")]
    [InlineData("don", "I don't know")]
    [InlineData("act now", "act now2")]
    [InlineData("90", "the 90's")]
    [InlineData("cafe", "cafe\u0301 au lait")]
    public void Find_does_not_match_inside_words(string phrase, string text)
        => Assert.Empty(MatchedTexts([phrase], text));

    [Theory]
    [InlineData("act now", "Act now!", "Act now")]
    [InlineData("act now", "(act now)", "act now")]
    [InlineData("buy now", "Buy now, buy-now.", "Buy now")]
    [InlineData("it's personal", "It's personal.", "It's personal")]
    [InlineData("it's personal", "'It's personal'", "It's personal")]
    [InlineData("it's personal", "\u2018It\u2019s personal\u2019", "It\u2019s personal")]
    [InlineData("students", "the students' time", "students")]
    [InlineData("100%", "100%guaranteed", "100%")]
    public void Find_matches_whole_words_next_to_punctuation(string phrase, string text, string matched)
        => Assert.Equal([matched], MatchedTexts([phrase], text));

    [Fact]
    public void Find_reports_spans_in_the_original_text()
    {
        const string text = "Hi.  It\u2019s\r\n    PERSONAL, really.";
        var matcher = new PhraseMatcher<string>([("it's personal", "VML1001")]);

        var match = Assert.Single(matcher.Find(text));

        Assert.Equal(5, match.Start);
        Assert.Equal(text.IndexOf(',', StringComparison.Ordinal), match.End);
        Assert.Equal("It\u2019s\r\n    PERSONAL", text[match.Start..match.End]);
        Assert.Equal("it's personal", match.Phrase);
        Assert.Equal("VML1001", match.Payload);
        Assert.Equal(0, match.PhraseIndex);
    }

    [Fact]
    public void Find_reports_every_overlapping_phrase()
    {
        var matcher = new PhraseMatcher<int>([("call me back", 1), ("me back at", 2), ("back", 3), ("please call me", 4)]);

        var found = matcher.Find("Please call me back at noon.").Select(match => (match.Payload, match.Start, match.Length));

        Assert.Equal([(4, 0, 14), (1, 7, 12), (3, 15, 4), (2, 12, 10)], found);
    }

    [Fact]
    public void Find_reports_a_phrase_overlapping_itself_once_per_occurrence()
        => Assert.Equal([0, 3, 6], new PhraseMatcher<int>([("ha ha", 0)]).Find("ha ha ha ha").Select(match => match.Start));

    [Fact]
    public void Find_reports_a_phrase_given_twice_once_per_payload()
    {
        var matcher = new PhraseMatcher<string>([("touching base", "house"), ("Touching  base", "legal")]);

        Assert.Equal(["house", "legal"], matcher.Find("Just touching base.").Select(match => match.Payload));
    }

    [Fact]
    public void Find_reports_matches_by_end_then_longest_first()
    {
        var matcher = new PhraseMatcher<int>([("now", 0), ("act now", 1), ("buy", 2)]);

        Assert.Equal([2, 1, 0], matcher.Find("buy, act now").Select(match => match.Payload));
    }

    [Fact]
    public void Find_on_segments_does_not_match_across_segments()
    {
        // The literal text around a hole: "please call {{ who }} me back" scanned without the hole.
        const string text = "please call {{ who }} me back";
        int hole = text.IndexOf("{{", StringComparison.Ordinal);
        int afterHole = text.IndexOf("}}", StringComparison.Ordinal) + 2;
        var matcher = new PhraseMatcher<int>([("call me back", 0), ("please call", 1), ("me back", 2)]);

        var found = matcher.Find(text, [(0, hole), (afterHole, text.Length - afterHole)]).Select(match => match.Payload);

        Assert.Equal([1, 2], found);
    }

    [Fact]
    public void Find_on_segments_does_not_join_adjacent_segments()
    {
        const string text = "please call me back";
        var matcher = new PhraseMatcher<int>([("call me back", 0)]);

        Assert.Single(matcher.Find(text));
        Assert.Empty(matcher.Find(text, [(0, 11), (11, text.Length - 11)]));
    }

    [Fact]
    public void Find_on_segments_treats_segment_edges_as_word_boundaries()
    {
        // "{{ prospect }}act now" is text "act now" right after a hole: the hole is not a letter.
        const string text = "exact now";
        var matcher = new PhraseMatcher<int>([("act now", 0)]);

        Assert.Empty(matcher.Find(text));
        Assert.Equal([2], matcher.Find(text, 2, text.Length - 2).Select(match => match.Start));
    }

    [Fact]
    public void Find_on_segments_reports_offsets_in_the_whole_text()
    {
        const string text = "Hi {{ name }}, please  return my call.";
        int segmentStart = text.IndexOf(',', StringComparison.Ordinal);
        var matcher = new PhraseMatcher<int>([("please return my call", 0)]);

        var match = Assert.Single(matcher.Find(text, segmentStart, text.Length - segmentStart));

        Assert.Equal("please  return my call", text[match.Start..match.End]);
    }

    [Theory]
    [InlineData(-1, 2)]
    [InlineData(0, -1)]
    [InlineData(3, 5)]
    public void Find_rejects_ranges_outside_the_text(int start, int length)
    {
        var matcher = new PhraseMatcher<int>([("a", 0)]);

        Assert.Throws<ArgumentOutOfRangeException>(() => matcher.Find("abcd", start, length));
        Assert.Throws<ArgumentOutOfRangeException>(() => matcher.Find("abcd", [(0, 1), (start, length)]));
    }

    [Fact]
    public void Find_with_no_phrases_finds_nothing()
        => Assert.Empty(new PhraseMatcher<int>([]).Find("anything at all"));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t")]
    public void Constructor_rejects_blank_phrases_naming_them(string phrase)
    {
        var exception = Assert.Throws<ArgumentException>(() => new PhraseMatcher<int>([("fine", 0), (phrase, 1)]));

        Assert.Contains($"\"{phrase}\"", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Builder_rejects_a_blank_phrase_when_it_is_added()
    {
        var builder = new PhraseMatcher<int>.Builder().Add("fine", 0);

        var exception = Assert.Throws<ArgumentException>(() => builder.Add(" ", 1));

        Assert.Contains("\" \"", exception.Message, StringComparison.Ordinal);
        Assert.Equal(1, builder.Count);
    }

    [Fact]
    public void Builder_builds_a_matcher_for_the_added_phrases()
    {
        var matcher = new PhraseMatcher<string>.Builder()
            .Add("act now", "VML1005")
            .Add("touching base", "VML1004")
            .Build();

        Assert.Equal(2, matcher.Count);
        Assert.Equal(["VML1004", "VML1005"], matcher.Find("Touching base: act now.").Select(match => match.Payload));
    }

    [Fact]
    public void Find_with_a_thousand_phrases_finds_each_one_that_occurs()
    {
        var phrases = Enumerable.Range(0, 1000).Select(i => ($"offer number {i} today", i)).ToList();
        var matcher = new PhraseMatcher<int>(phrases);

        var found = matcher.Find("Take offer number 7 today, or OFFER  number 993 today; not offer number 12 tomorrow.");

        Assert.Equal([7, 993], found.Select(match => match.Payload));
    }

    [Fact]
    public void Find_does_not_allocate_per_character()
    {
        var matcher = new PhraseMatcher<int>([("act now", 0), ("touching base", 1), ("it's personal", 2)]);
        string shortText = string.Concat(Enumerable.Repeat("Exact  nowhere, it\u2019s persona. ", 10));
        string longText = string.Concat(Enumerable.Repeat(shortText, 1000));
        CountMatches(matcher, shortText);

        long shortScan = AllocatedBytes(() => CountMatches(matcher, shortText));
        long longScan = AllocatedBytes(() => CountMatches(matcher, longText));

        // Per-character allocation over ~330,000 characters would cost megabytes; the slack absorbs the JIT's
        // own one-off allocations (tiering, on-stack replacement), which vary from run to run.
        Assert.True(longScan <= shortScan + 64 * 1024, $"Scanning 1000 times more text allocated {longScan} bytes, not {shortScan}.");
    }

    private static int CountMatches(PhraseMatcher<int> matcher, string text)
    {
        int count = 0;
        foreach (var _ in matcher.Find(text))
        {
            count++;
        }

        return count;
    }

    private static long AllocatedBytes(Action action)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static List<string> MatchedTexts(IEnumerable<string> phrases, string text)
        => [.. new PhraseMatcher<int>(phrases.Select((phrase, index) => (phrase, index))).Find(text).Select(match => text[match.Start..match.End])];
}
