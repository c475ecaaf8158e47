using VmLang.Rules.Phrases;

namespace VmLang.Tests.Rules.Phrases;

public sealed class PhraseTextTests
{
    [Theory]
    [InlineData("It's Personal", "it's personal")]
    [InlineData("  It\u2019s \r\n\t personal  ", "it's personal")]
    [InlineData("\u2018quoted\u2019", "'quoted'")]
    [InlineData("ΟΔΟΣ οδος", "οδοσ οδοσ")]
    [InlineData(" \n\t ", "")]
    [InlineData("", "")]
    public void Normalize_trims_collapses_whitespace_unifies_apostrophes_and_folds_case(string phrase, string expected)
        => Assert.Equal(expected, PhraseText.Normalize(phrase));

    [Theory]
    [InlineData("exact", 2, true)]
    [InlineData("it's", 2, true)]
    [InlineData("it's", 3, true)]
    [InlineData("it\u2019s", 3, true)]
    [InlineData("90's", 2, true)]
    [InlineData("cafe\u0301", 4, true)]
    [InlineData("act now", 3, false)]
    [InlineData("act now", 4, false)]
    [InlineData("'act'", 1, false)]
    [InlineData("'act'", 4, false)]
    [InlineData("act", 0, false)]
    [InlineData("act", 3, false)]
    [InlineData("a.b", 1, false)]
    public void Is_inside_word_is_true_only_between_two_word_characters(string text, int index, bool expected)
        => Assert.Equal(expected, PhraseText.IsInsideWord(text, index));
}
