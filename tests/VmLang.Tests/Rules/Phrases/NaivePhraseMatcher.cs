using System.Text;
using System.Text.RegularExpressions;

namespace VmLang.Tests.Rules.Phrases;

/// <summary>
/// A deliberately simple reference for the phrase matcher: one regular expression per phrase, tried at
/// every offset, and the whole-word rule written out character by character. Slow, but easy to trust.
/// Handles letters and digits of the Basic Multilingual Plane, which is all the property tests generate.
/// </summary>
internal static class NaivePhraseMatcher
{
    public static List<(int Start, int Length, int PhraseIndex)> Find(
        IReadOnlyList<string> phrases, string text, int segmentStart, int segmentLength)
    {
        string segment = text.Substring(segmentStart, segmentLength);
        var matches = new List<(int Start, int Length, int PhraseIndex)>();
        for (int phraseIndex = 0; phraseIndex < phrases.Count; phraseIndex++)
        {
            var pattern = ToRegex(phrases[phraseIndex]);
            for (int start = 0; start < segment.Length; start++)
            {
                var match = pattern.Match(segment, start);
                if (match.Success
                    && !IsInsideWord(segment, match.Index)
                    && !IsInsideWord(segment, match.Index + match.Length))
                {
                    matches.Add((segmentStart + match.Index, match.Length, phraseIndex));
                }
            }
        }

        return matches;
    }

    private static Regex ToRegex(string phrase)
    {
        var pattern = new StringBuilder(@"\G");
        foreach (string word in phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (pattern.Length > 2)
            {
                pattern.Append(@"\s+");
            }

            foreach (char c in word)
            {
                pattern.Append(IsApostrophe(c) ? "['\u2018\u2019]" : Regex.Escape(c.ToString()));
            }
        }

        return new Regex(pattern.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    private static bool IsInsideWord(string segment, int index)
        => index > 0 && index < segment.Length && IsWordCharacter(segment, index - 1) && IsWordCharacter(segment, index);

    private static bool IsWordCharacter(string segment, int index)
    {
        char c = segment[index];
        if (char.IsLetterOrDigit(c))
        {
            return true;
        }

        return IsApostrophe(c)
            && index > 0 && char.IsLetterOrDigit(segment[index - 1])
            && index + 1 < segment.Length && char.IsLetterOrDigit(segment[index + 1]);
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2018' or '\u2019';
}
