using System.Text;

namespace VmLang.Tests.Reliability;

/// <summary>A clean voicemail template whose <c>say</c> block nests <c>if</c>s as deep as asked, in canonical layout.</summary>
internal static class DeepNesting
{
    public static string Template(int levels)
    {
        var text = new StringBuilder();
        text.Append("template deep for voicemail {\n");
        foreach (var slot in new[] { "prospect : prospect", "rep      : caller", "firm     : company", "pain     : reason", "outcome  : benefit", "when     : callback", "number   : contact", "referrer : text optional" })
        {
            text.Append("  slot ").Append(slot).Append('\n');
        }
        text.Append("\n  say \"\"\"\n    Hi {{ prospect | first }}, this is {{ rep }} with {{ firm }}.\n    ");
        text.Insert(text.Length, "{{ if referrer }}", levels);
        text.Append("{{ referrer }} suggested I call. ");
        text.Insert(text.Length, "{{ end }}", levels);
        text.Append("\n    {{ pain }}, and we {{ outcome }}.\n    I'll try you again {{ when }}. If this is of interest before then, you can reach me at {{ number }}.\n    \"\"\"\n}\n");
        return text.ToString();
    }

    /// <summary>Where the <paramref name="index"/>-th (1-based) <c>if</c> starts: 1-based line and column.</summary>
    public static (int Line, int Column) IfPosition(int index) => (13, 5 + ("{{ if referrer }}".Length * (index - 1)));
}
