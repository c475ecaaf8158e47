using System.Text;

namespace VmLang.Benchmarks;

/// <summary>A realistic workspace of about the requested size: many files of templates, a ruleset, sequences.</summary>
internal static class GeneratedWorkspace
{
    public static List<(string Path, string Text)> Create(int targetBytes, int rulesetPhrases)
    {
        var files = new List<(string, string)> { ("house.vml", Ruleset(rulesetPhrases)) };
        var size = files[0].Item2.Length;
        for (var file = 0; size < targetBytes; file++)
        {
            var text = new StringBuilder();
            for (var t = 0; t < 20; t++) text.Append(Template($"t{file}_{t}", t));
            text.Append($"sequence s{file} {{\n  day 1 t{file}_0\n  day 4 t{file}_1\n  day 9 t{file}_2\n}}\n");
            files.Add(($"f{file}.vml", text.ToString()));
            size += text.Length;
        }
        return files;
    }

    public static string Ruleset(int phrases)
    {
        var text = new StringBuilder("// House phrases\nruleset house {\n");
        for (var i = 0; i < phrases; i++) text.Append($"  forbid \"house phrase number {i} here\" because \"Reason {i}.\"\n");
        text.Append("  prefer \"call me back\" => \"you can reach me at\" because \"Begging.\" as warning\n}\n");
        return text.ToString();
    }

    private static string Template(string name, int variant) => $$$""""
        // Template {{{name}}}: generated for benchmarks.
        template {{{name}}} for voicemail {
          use house
          max 30s
        {{{StandardSlots.Lines}}}
          slot number   : contact
          slot referrer : text optional

          say """
            Hi {{ prospect | first }}, this is {{ rep }} with {{ firm }}.
            {{ if referrer }}{{ referrer }} suggested I call. {{ end }}{{ pain }}, and we {{ outcome }} ({{ "variant {{{variant}}}" }}).
            I'll try you again {{ when }}. If it's of interest before then, you can reach me at {{ number | spoken }}.
            """
        }

        """";
}
