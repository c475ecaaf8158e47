using FsCheck;
using FsCheck.Fluent;
using VmLang.Emit;

namespace VmLang.Tests.Emit;

public sealed class FiltersTests
{
    [Theory]
    [InlineData("Dana Reyes", "Dana")]
    [InlineData("  Dana\tMaría  Reyes ", "Dana")]
    [InlineData("Cher", "Cher")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData(null, "")]
    public void First_is_the_first_word(string? value, string expected) =>
        Assert.Equal(expected, Filters.First(value));

    [Theory]
    [InlineData("Dana Reyes", "Reyes")]
    [InlineData(" Dana María\nde la Cruz  ", "Cruz")]
    [InlineData("Cher", "Cher")]
    [InlineData("", "")]
    [InlineData("\t", "")]
    [InlineData(null, "")]
    public void Last_is_the_last_word(string? value, string expected) =>
        Assert.Equal(expected, Filters.Last(value));

    [Theory]
    [InlineData("Dana Irving", "DANA IRVING", "dana irving")]
    [InlineData("zoë Ångström", "ZOË ÅNGSTRÖM", "zoë ångström")]
    [InlineData("", "", "")]
    [InlineData(null, "", "")]
    public void Upper_and_lower_change_case_only(string? value, string upper, string lower)
    {
        // The project runs in invariant-globalization mode, so a culture-sensitive casing bug
        // (Turkish dotted i) cannot be provoked here; the filters use the invariant casing anyway.
        Assert.Equal(upper, Filters.Upper(value));
        Assert.Equal(lower, Filters.Lower(value));
    }

    [Theory]
    [InlineData("(817) 224-9900", "eight one seven, two two four, nine nine zero zero")]
    [InlineData("+1 817 224 9900", "one, eight one seven, two two four, nine nine zero zero")]
    [InlineData("817.224.9900", "eight one seven, two two four, nine nine zero zero")]
    [InlineData("8172249900", "eight one seven two two four nine nine zero zero")]
    [InlineData("555-0100", "five five five, zero one zero zero")]
    public void Spoken_follows_the_digit_groups_the_user_wrote(string value, string expected) =>
        Assert.Equal(expected, Filters.Spoken(value));

    [Theory]
    [InlineData("x12", "extension one two")]
    [InlineData("(817) 224-9900 x12", "eight one seven, two two four, nine nine zero zero, extension one two")]
    [InlineData("224-9900x12", "two two four, nine nine zero zero, extension one two")]
    [InlineData("224-9900 ext. 305", "two two four, nine nine zero zero, extension three zero five")]
    [InlineData("224-9900 Extension 7", "two two four, nine nine zero zero, extension seven")]
    public void Spoken_reads_an_extension_marker_as_extension(string value, string expected) =>
        Assert.Equal(expected, Filters.Spoken(value));

    [Theory]
    [InlineData("1-800-FLOWERS", "one, eight zero zero, FLOWERS")]
    [InlineData("Tel: 224 9900", "Tel, two two four, nine nine zero zero")]
    [InlineData("224-9900 x", "two two four, nine nine zero zero, x")]
    public void Spoken_keeps_other_words_verbatim(string value, string expected) =>
        Assert.Equal(expected, Filters.Spoken(value));

    [Theory]
    [InlineData("call the front desk")]
    [InlineData("")]
    [InlineData("  -- ")]
    public void Spoken_without_digits_is_unchanged(string value) =>
        Assert.Equal(value, Filters.Spoken(value));

    [Fact]
    public void Spoken_of_null_is_empty() => Assert.Equal("", Filters.Spoken(null));

    [Fact]
    public void Spoken_reads_full_width_digits() =>
        Assert.Equal("eight one seven", Filters.Spoken("８１７"));

    [Theory]
    [InlineData("(817) 224-9900", 10)]
    [InlineData("+1 817 224 9900", 11)]
    [InlineData("224-9900", 7)]
    [InlineData("224-990", 6)]
    [InlineData("224 x12345", 3)]
    [InlineData("(817) 224-9900 ext. 12", 10)]
    [InlineData("x12", 0)]
    [InlineData("call me", 0)]
    [InlineData("", 0)]
    [InlineData(null, 0)]
    public void Count_digits_counts_the_phone_number_without_its_extension(string? value, int expected) =>
        Assert.Equal(expected, Filters.CountDigits(value));

    [Theory]
    [InlineData("zero", true)]
    [InlineData("NINE", true)]
    [InlineData("Seven", true)]
    [InlineData("eIght", true)]
    [InlineData("nines", false)]
    [InlineData("zebra", false)]
    [InlineData("apple", false)]
    [InlineData("1234", false)]
    [InlineData("on", false)]
    public void Is_digit_word_knows_the_digit_names_in_any_case(string word, bool expected) =>
        Assert.Equal(expected, Filters.IsDigitWord(word));

    [Fact]
    public void Is_digit_word_compares_as_ordinal_ignore_case_does()
    {
        // The letters of the names in both cases, and characters OrdinalIgnoreCase folds or might: dotless
        // and dotted i, long s, the Kelvin sign, full-width letters.
        var characters = Gen.Elements("zerontwhfuivsxgZERONTWHFUIVSXG\u0131\u0130\u017F\u212A\uFF45\uFF2E1 .".ToCharArray());
        string[] names = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
        var randomWords = Gen.Choose(0, 6).SelectMany(length => Gen.ArrayOf(characters, length)).Select(c => new string(c));
        // Names with each letter kept, upper-cased or replaced by one of the characters above.
        var nearNames = Gen.Elements(names).SelectMany(name => Gen.ArrayOf(Gen.Choose(0, 9), name.Length).Select(choices =>
            new string([.. name.Select((letter, i) => choices[i] < 5 ? letter : choices[i] < 8 ? char.ToUpperInvariant(letter) : "\u0131\u017F\u212A\uFF45"[choices[i] % 4])])));
        var words = Gen.OneOf(randomWords, nearNames);
        Prop.ForAll(words.ToArbitrary(), word =>
            Assert.Equal(names.Any(name => word.Equals(name, StringComparison.OrdinalIgnoreCase)), Filters.IsDigitWord(word)))
            .Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(20000));
    }
}
