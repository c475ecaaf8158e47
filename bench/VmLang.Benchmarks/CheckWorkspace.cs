using System.Text;

namespace VmLang.Benchmarks;

/// <summary>
/// The workspace of the whole-workspace check figure (issue 13): files of 100 templates each, mostly
/// prose, every slot required and said, a ruleset of N forbidden phrases that every template uses, and
/// one of those phrases planted in every 20th template. Deterministic for a seed: the same seed, size
/// and phrase count give the same bytes on every machine. With <c>faults</c>, templates also carry
/// mistakes of many kinds (built-in phrases, unknown slots, missing roles, names declared in two files,
/// unused allows, days out of order), so that every file has diagnostics of several codes: the tests
/// compare a parallel check with a one-thread one on it.
/// </summary>
public static class CheckWorkspace
{
    public const int DefaultSeed = 13;
    public const int TemplatesPerFile = 100;
    public const int PlantEvery = 20;

    // Prose words share nothing with the built-in phrase rules (no "call", "just", "now", "personal"…)
    // nor with the ruleset's words, so the only phrase findings are the planted ones.
    private static readonly string[] ProseWords =
    [
        "the", "team", "moved", "their", "billing", "system", "last", "quarter", "and", "most", "of", "our", "clients",
        "saw", "fewer", "dropped", "lines", "during", "busy", "weeks", "a", "regional", "office", "in", "your", "area",
        "cut", "wait", "times", "by", "half", "after", "switching", "carriers", "we", "help", "firms", "like", "yours",
        "keep", "every", "branch", "on", "one", "plan", "with", "clear", "monthly", "costs", "that", "means", "less",
        "time", "spent", "chasing", "invoices", "more", "for", "customers", "who", "need", "answers", "fast", "several",
        "groups", "here", "use", "it", "to", "route", "support", "calls", "between", "sites", "without", "new",
        "hardware", "it", "works", "well", "when", "staff", "travel", "or", "work", "from", "home", "two", "days",
        "week", "setup", "took", "under", "an", "hour", "at", "place", "similar", "size", "numbers", "stayed", "same",
        "nobody", "had", "learn", "tool", "reports", "show", "which", "get", "missed", "so", "managers", "can", "staff",
        "up", "before", "rush", "starts", "contract", "runs", "month", "month", "there", "is", "no", "long", "term",
        "lock", "in", "pricing", "page", "lists", "each", "option", "plainly", "many", "owners", "tell", "us", "this",
        "saved", "them", "hours", "each", "season", "count", "was", "down", "fifteen", "percent", "quality", "held",
        "steady", "even", "peak", "hours", "morning",
    ];

    // Ruleset phrases are two to four of these words: they overlap a lot, as real phrase lists do.
    private static readonly string[] JargonWords =
    [
        "synergy", "leverage", "paradigm", "bandwidth", "circle", "deep", "dive", "low", "hanging", "fruit", "move",
        "needle", "boil", "ocean", "game", "changer", "best", "breed", "disrupt", "holistic", "robust", "seamless",
        "turnkey", "world", "class", "cutting", "edge", "mission", "critical", "value", "add", "win", "ping", "sync",
        "offline", "granular", "ecosystem", "scalable", "alignment", "actionable", "guaranteed", "unbeatable",
        "exclusive", "revolutionary", "incredible", "amazing", "risk", "free", "once", "lifetime", "opportunity",
    ];

    /// <summary>The workspace's files, relative paths and text, the ruleset first; at least <paramref name="targetBytes"/> UTF-8 bytes.</summary>
    public static List<(string Path, string Text)> Create(int targetBytes, int rulesetPhrases, int seed = DefaultSeed, bool faults = false)
    {
        var random = new Random(seed);
        var phrases = Phrases(random, rulesetPhrases);
        var files = new List<(string, string)> { ("house.vml", Ruleset(phrases)) };
        long size = Encoding.UTF8.GetByteCount(files[0].Item2);
        var index = 0;
        for (var file = 0; size < targetBytes; file++)
        {
            var text = new StringBuilder(TemplatesPerFile * 900);
            for (var t = 0; t < TemplatesPerFile; t++, index++)
            {
                var planted = index % PlantEvery == PlantEvery - 1 ? phrases[index / PlantEvery % phrases.Count] : null;
                // A fault-carrying template may take the name of one in the file before (VML0101 in both files).
                var name = faults && file > 0 && index % 17 == 8 ? $"t{file - 1}_{t}" : $"t{file}_{t}";
                Template(text, name, random, planted, faults ? index : -1);
            }
            var days = faults && file % 3 == 1 ? "day 4 t{0}_0\n  day 1 t{0}_1\n  day 2 t{0}_2" : "day 1 t{0}_0\n  day 4 t{0}_1\n  day 9 t{0}_2";
            text.Append($"sequence s{file} {{\n  {string.Format(System.Globalization.CultureInfo.InvariantCulture, days, file)}\n}}\n");
            files.Add(($"templates/f{file:D3}.vml", text.ToString()));
            size += Encoding.UTF8.GetByteCount(text.ToString());
        }
        return files;
    }

    /// <summary>Writes the workspace under <paramref name="folder"/> (created or emptied of .vml files first); returns its size in bytes.</summary>
    public static long Write(string folder, int targetBytes, int rulesetPhrases, int seed = DefaultSeed, bool faults = false)
    {
        if (Directory.Exists(folder))
        {
            foreach (var old in Directory.EnumerateFiles(folder, "*.vml", SearchOption.AllDirectories)) File.Delete(old);
        }
        long bytes = 0;
        foreach (var (path, text) in Create(targetBytes, rulesetPhrases, seed, faults))
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            var data = Encoding.UTF8.GetBytes(text);
            File.WriteAllBytes(full, data);
            bytes += data.Length;
        }
        return bytes;
    }

    private static List<string> Phrases(Random random, int count)
    {
        var phrases = new List<string>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (phrases.Count < count)
        {
            var words = new string[random.Next(2, 5)];
            for (var i = 0; i < words.Length; i++) words[i] = JargonWords[random.Next(JargonWords.Length)];
            var phrase = string.Join(' ', words);
            if (seen.Add(phrase)) phrases.Add(phrase);
        }
        return phrases;
    }

    private static string Ruleset(List<string> phrases)
    {
        var text = new StringBuilder("// House phrases: generated for the check benchmark.\nruleset house {\n");
        for (var i = 0; i < phrases.Count; i++) text.Append($"  forbid \"{phrases[i]}\" because \"Jargon {i} loses the listener.\"\n");
        text.Append("}\n");
        return text.ToString();
    }

    /// <param name="fault">The template's index in the workspace when it may carry a fault, else -1.</param>
    private static void Template(StringBuilder text, string name, Random random, string? planted, int fault)
    {
        var noContact = fault % 13 == 6;
        var unusedAllow = fault % 19 == 9;
        var tooLong = fault % 23 == 11;
        text.Append($$$""""
            // Template {{{name}}}: generated for the check benchmark.
            template {{{name}}} for voicemail {
              use house
              max {{{(tooLong ? 5 : 120)}}}s
            {{{StandardSlots.Lines}}}

            """");
        if (!noContact) text.Append("  slot number   : contact\n");
        if (unusedAllow) text.Append("  allow VML1003 because \"Generated.\"\n");
        text.Append($$$""""

              say """
                Hi {{ prospect | first }}, this is {{ rep }} with {{ firm }}. {{ pain }}, and we {{ outcome }}.

            """");
        if (fault % 7 == 3) text.Append("    Just checking in, it's personal.\n");
        if (fault % 11 == 5) text.Append("    As {{ budget }} said, if you could spare a minute.\n");
        // About 640 bytes of prose in lines of about 70 characters; the planted phrase goes into the middle sentence.
        var sentences = random.Next(6, 9);
        var line = new StringBuilder("    ");
        for (var s = 0; s < sentences; s++)
        {
            var words = random.Next(8, 14);
            for (var w = 0; w < words; w++)
            {
                var word = ProseWords[random.Next(ProseWords.Length)];
                if (w == 0) word = char.ToUpperInvariant(word[0]) + word[1..];
                if (planted is not null && s == sentences / 2 && w == words / 2) word = planted;
                if (line.Length > 4) line.Append(' ');
                line.Append(word);
                if (w == words - 1) line.Append('.');
                if (line.Length >= 70)
                {
                    text.Append(line).Append('\n');
                    line.Clear().Append("    ");
                }
            }
        }
        if (line.Length > 4) text.Append(line).Append('\n');
        text.Append(""""
                I'll try you again {{ when }}. If it's of interest before then, you can reach me at {{ number | spoken }}.
                """
            }


            """");
    }
}
