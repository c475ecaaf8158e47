using System.Reflection;
using System.Text.RegularExpressions;

namespace VmLang.Tests.Conventions;

/// <summary>
/// The house test-name style, which `.editorconfig` cannot express because it cannot tell a test from
/// any other method: a test's name is a sentence about behaviour, its words joined by underscores
/// (<c>Missing_role_is_one_error_per_role</c>). The first word may be a name from the code
/// (<c>WithChangedText_keeps…</c>); later words are lower case unless they are codes or acronyms
/// (<c>VML0103</c>, <c>SARIF</c>, <c>BOM</c>), never camel-cased clauses such as <c>ReturnsNull</c>.
/// </summary>
public sealed partial class TestNameStyleTests
{
    [Fact]
    public void Every_test_name_is_a_sentence_with_words_joined_by_underscores()
    {
        var offenders = TestMethods()
            .Where(method => !IsSentence(method.Name))
            .Select(method => $"{method.DeclaringType!.Name}.{method.Name}")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(offenders.Count == 0, "Test names not in the house style:\n" + string.Join('\n', offenders));
    }

    [Theory]
    [InlineData("Missing_role_is_one_error_per_role", true)]
    [InlineData("WithChangedText_keeps_the_old_tree", true)]
    [InlineData("Check_writes_SARIF_for_VML0103", true)]
    [InlineData("AStrayQuoteRejectsThatRowOnly", false)]
    [InlineData("Find_OnWholeText_ReturnsExactlyTheNaiveMatches", false)]
    [InlineData("lower_case_start", false)]
    public void The_style_check_tells_sentences_from_other_names(string name, bool isSentence) =>
        Assert.Equal(isSentence, IsSentence(name));

    private static bool IsSentence(string name)
    {
        var words = name.Split('_');
        return words.Length > 1
               && char.IsUpper(words[0][0])
               && words.All(word => word.Length > 0)
               && words.Skip(1).All(word => !CamelHump().IsMatch(word));
    }

    private static IEnumerable<MethodInfo> TestMethods() =>
        typeof(TestNameStyleTests).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.DeclaredOnly))
            .Where(method => method.GetCustomAttributes<FactAttribute>(inherit: true).Any());

    /// <summary>A lower-case letter followed by an upper-case one: a camel-cased clause, not a word or an acronym.</summary>
    [GeneratedRegex("[a-z][A-Z]")]
    private static partial Regex CamelHump();
}
