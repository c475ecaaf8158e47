using System.Text;

namespace VmLang.Tests;

/// <summary>
/// Compares produced text with a committed expected file next to the input. <c>UPDATE_BASELINES=1</c>
/// rewrites the expected file instead; a mismatch fails with a line diff.
/// </summary>
internal static class BaselineAssert
{
    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_BASELINES") is "1" or "true";

    public static void Matches(string expectedPath, string actual)
    {
        actual = actual.Replace("\r\n", "\n");
        if (Updating)
        {
            File.WriteAllText(expectedPath, actual);
            return;
        }
        if (!File.Exists(expectedPath))
        {
            Assert.Fail($"Baseline {expectedPath} does not exist. Run the tests with UPDATE_BASELINES=1 to create it, then review and commit it.");
        }
        var expected = File.ReadAllText(expectedPath).Replace("\r\n", "\n");
        if (expected == actual) return;
        Assert.Fail($"Baseline {Path.GetFileName(expectedPath)} differs (- expected, + actual). " +
                    $"If the change is intended, run with UPDATE_BASELINES=1 and commit the result.\n{LineDiff(expected, actual)}");
    }

    /// <summary>A unified-style diff of the changed lines with two lines of context.</summary>
    public static string LineDiff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }
        var lines = new List<(char Mark, string Text)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) { lines.Add((' ', a[x])); x++; y++; }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y])) lines.Add(('+', b[y++]));
            else lines.Add(('-', a[x++]));
        }
        var output = new StringBuilder();
        for (var k = 0; k < lines.Count; k++)
        {
            var nearChange = Enumerable.Range(Math.Max(0, k - 2), Math.Min(lines.Count, k + 3) - Math.Max(0, k - 2)).Any(n => lines[n].Mark != ' ');
            if (nearChange) output.Append(lines[k].Mark).Append(' ').AppendLine(lines[k].Text);
        }
        return output.ToString();
    }
}
