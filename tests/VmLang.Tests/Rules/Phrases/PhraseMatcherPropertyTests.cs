using FsCheck;
using FsCheck.Fluent;
using VmLang.Rules.Phrases;

namespace VmLang.Tests.Rules.Phrases;

/// <summary>
/// Compares the automaton with <see cref="NaivePhraseMatcher"/> on random phrase sets and texts. Small
/// alphabets make matches, near misses, apostrophes inside words and whitespace runs common.
/// </summary>
public sealed class PhraseMatcherPropertyTests
{
    private static readonly Config Config = FsCheck.Config.QuickThrowOnFailure.WithMaxTest(500);

    // Dense: the table scan every real phrase list gets; not dense: the trie scan of a list too large for a table.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Find_on_whole_text_returns_exactly_the_naive_matches(bool dense)
    {
        Prop.ForAll(Cases().ToArbitrary(), scenario =>
        {
            var matcher = new PhraseMatcher<int>(scenario.Phrases.Select((phrase, index) => (phrase, index)), dense);

            var actual = matcher.Find(scenario.Text).ToList();

            AssertSameMatches(NaivePhraseMatcher.Find(scenario.Phrases, scenario.Text, 0, scenario.Text.Length), actual);
            AssertInScanOrder(actual);
        }).Check(Config);
    }

    // Dense: the table scan every real phrase list gets; not dense: the trie scan of a list too large for a table.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Find_on_segments_returns_exactly_the_naive_matches_of_each_segment(bool dense)
    {
        Prop.ForAll(Cases().ToArbitrary(), scenario =>
        {
            var matcher = new PhraseMatcher<int>(scenario.Phrases.Select((phrase, index) => (phrase, index)), dense);
            var segments = scenario.Segments();

            var actual = matcher.Find(scenario.Text, segments).ToList();

            var expected = segments.SelectMany(
                segment => NaivePhraseMatcher.Find(scenario.Phrases, scenario.Text, segment.Start, segment.Length));
            AssertSameMatches(expected, actual);
        }).Check(Config);
    }

    private static void AssertSameMatches(
        IEnumerable<(int Start, int Length, int PhraseIndex)> expected, List<PhraseMatch<int>> actual)
    {
        Assert.Equal(
            expected.Order(),
            actual.Select(match => (match.Start, match.Length, match.PhraseIndex)).Order());
        Assert.All(actual, match => Assert.Equal(match.PhraseIndex, match.Payload));
    }

    private static void AssertInScanOrder(List<PhraseMatch<int>> matches)
    {
        for (int i = 1; i < matches.Count; i++)
        {
            var (previous, current) = (matches[i - 1], matches[i]);
            Assert.True(
                previous.End < current.End || (previous.End == current.End && previous.Length >= current.Length),
                $"{previous} is reported before {current}.");
        }
    }

    private static Gen<Scenario> Cases()
    {
        // 'k' and the Kelvin sign (U+212A), which folds to it; the no-break space U+00A0 is whitespace outside ASCII.
        var phraseCharacter = Gen.Elements('a', 'b', 'A', 'k', ' ', '\t', '\'', '\u2019');
        var phrase = Gen.Choose(1, 5)
            .SelectMany(length => Gen.ArrayOf(phraseCharacter, length))
            .Select(characters => new string(characters))
            .Where(candidate => !string.IsNullOrWhiteSpace(candidate));

        var textCharacter = Gen.Elements('a', 'b', 'A', 'B', 'c', 'k', '\u212A', '1', ' ', ' ', '\u00A0', '\n', '\t', '\'', '\u2018', '\u2019', '.');
        var text = Gen.Choose(0, 40)
            .SelectMany(length => Gen.ArrayOf(textCharacter, length))
            .Select(characters => new string(characters));

        return
            from phraseCount in Gen.Choose(1, 6)
            from phrases in Gen.ArrayOf(phrase, phraseCount)
            from scenarioText in text
            from cutCount in Gen.Choose(0, 4)
            from cuts in Gen.ArrayOf(Gen.Choose(0, 40), cutCount)
            from dropped in Gen.Choose(-1, 4)
            select new Scenario(phrases, scenarioText, cuts, dropped);
    }

    /// <summary>
    /// Phrases and a text; the cuts split the text into adjacent segments, and one segment may be dropped
    /// to stand for a hole.
    /// </summary>
    public sealed record Scenario(string[] Phrases, string Text, int[] Cuts, int DroppedSegment)
    {
        public List<(int Start, int Length)> Segments()
        {
            int[] bounds = [0, .. Cuts.Select(cut => Math.Min(cut, Text.Length)).Order(), Text.Length];
            var segments = new List<(int Start, int Length)>();
            for (int i = 1; i < bounds.Length; i++)
            {
                if (i - 1 != DroppedSegment)
                {
                    segments.Add((bounds[i - 1], bounds[i] - bounds[i - 1]));
                }
            }

            return segments;
        }

        public override string ToString()
            => $"Phrases [{string.Join(", ", Phrases.Select(Quote))}], Text {Quote(Text)}, "
                + $"Cuts [{string.Join(", ", Cuts)}], DroppedSegment {DroppedSegment}";

        private static string Quote(string value)
            => "\"" + value.Replace("\n", "\\n").Replace("\t", "\\t") + "\"";
    }
}
