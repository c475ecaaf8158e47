namespace VmLang.Rendering;

/// <summary>The output formats of <c>vmlang render --format</c> (spec §9).</summary>
public enum ScriptFormat
{
    /// <summary>Plain text for people: a header line per script, then the script.</summary>
    Text,

    /// <summary>One JSON object per line: <c>{row, template, prospect, script, seconds, warnings}</c>.</summary>
    JsonLines,

    /// <summary>Speech Synthesis Markup Language for text-to-speech engines.</summary>
    Ssml,

    /// <summary>A Markdown call sheet per script.</summary>
    Markdown,
}

/// <summary>Names of <see cref="ScriptFormat"/>s as the command line spells them.</summary>
public static class ScriptFormats
{
    public const string KnownNames = "text, jsonl, ssml, md";

    public static bool TryParse(string? name, out ScriptFormat format)
    {
        (var known, format) = name?.Trim().ToLowerInvariant() switch
        {
            "text" => (true, ScriptFormat.Text),
            "jsonl" => (true, ScriptFormat.JsonLines),
            "ssml" => (true, ScriptFormat.Ssml),
            "md" => (true, ScriptFormat.Markdown),
            _ => (false, default),
        };
        return known;
    }
}
