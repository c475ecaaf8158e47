using System.Buffers;
using System.Globalization;
using System.Text;
using VmLang.Configuration;

namespace VmLang.Rendering;

/// <summary>
/// Turns a <see cref="RenderedScript"/> into the text of one output format. Formatters are
/// pure: where the text goes (stdout, a file per row) is an <see cref="IScriptSink"/>'s job.
/// All output uses "\n" line endings whatever the platform, so files and goldens agree.
/// </summary>
public abstract class ScriptFormatter
{
    /// <summary>The line breaks <see cref="string.ReplaceLineEndings(string)"/> rewrites, but for "\n" itself.</summary>
    private static readonly SearchValues<char> OtherLineBreaks = SearchValues.Create("\r\f\u0085\u2028\u2029");

    private protected ScriptFormatter()
    {
    }

    public abstract ScriptFormat Format { get; }

    /// <summary>The extension of a per-row file, without the dot.</summary>
    public abstract string FileExtension { get; }

    /// <summary>Written between two consecutive scripts when all go to one stream.</summary>
    public virtual string Separator => "";

    /// <param name="pauseSeconds">The workspace's pause between sentences, which SSML writes as a break.</param>
    public static ScriptFormatter For(ScriptFormat format, double pauseSeconds = WorkspaceConfiguration.DefaultPauseSeconds) => format switch
    {
        ScriptFormat.Text => TextScriptFormatter.Instance,
        ScriptFormat.JsonLines => JsonLinesScriptFormatter.Instance,
        ScriptFormat.Ssml => pauseSeconds == WorkspaceConfiguration.DefaultPauseSeconds ? SsmlScriptFormatter.Instance : new SsmlScriptFormatter(pauseSeconds),
        ScriptFormat.Markdown => MarkdownScriptFormatter.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>The script's text in this format, ending with a newline.</summary>
    public abstract string FormatScript(RenderedScript script);

    /// <summary>
    /// Writes what <see cref="FormatScript"/> returns to <paramref name="output"/>. A format written once per
    /// row on one stream overrides it to write its pieces straight to the stream, without a string per script.
    /// </summary>
    public virtual void WriteScript(TextWriter output, RenderedScript script) => output.Write(FormatScript(script));

    /// <summary>"21.4": one decimal at most, as the estimate is no more precise than that.</summary>
    private protected static string FormatSeconds(double seconds) =>
        RoundSeconds(seconds).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Writes <see cref="FormatSeconds"/> of <paramref name="seconds"/> without making a string.</summary>
    private protected static void WriteSeconds(TextWriter output, double seconds)
    {
        var rounded = RoundSeconds(seconds);
        if (rounded >= int.MaxValue / 10)
        {
            output.Write(FormatSeconds(seconds));
            return;
        }

        // "0.#" of a number already rounded to tenths, in whole tenths: the custom-format path is slow.
        var tenths = (int)Math.Round(rounded * 10);
        WriteNumber(output, tenths / 10);
        if (tenths % 10 != 0)
        {
            output.Write('.');
            output.Write((char)('0' + (tenths % 10)));
        }
    }

    /// <summary>Writes <paramref name="value"/> in invariant digits without making a string.</summary>
    private protected static void WriteNumber(TextWriter output, int value)
    {
        Span<char> text = stackalloc char[16];
        value.TryFormat(text, out var length, provider: CultureInfo.InvariantCulture);
        output.Write(text[..length]);
    }

    /// <summary>The estimate to one decimal. A non-finite or negative estimate is a bug upstream.</summary>
    private protected static double RoundSeconds(double seconds)
    {
        if (!double.IsFinite(seconds) || seconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "The estimated length must be a finite, non-negative number of seconds.");
        }

        return Math.Round(seconds, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// <paramref name="text"/> with every line break as "\n" and unpaired UTF-16 surrogates
    /// (which no UTF-8 output can hold) as U+FFFD.
    /// </summary>
    private protected static string Normalize(string text)
    {
        // Nearly every script: nothing to rewrite, so no copy.
        if (!HasOtherLineBreak(text) && !HasSurrogate(text))
        {
            return text;
        }

        var lines = text.ReplaceLineEndings("\n");
        if (!HasUnpairedSurrogate(lines))
        {
            return lines;
        }

        var repaired = new StringBuilder(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (char.IsHighSurrogate(lines[i]) && i + 1 < lines.Length && char.IsLowSurrogate(lines[i + 1]))
            {
                repaired.Append(lines[i]).Append(lines[++i]);
            }
            else
            {
                repaired.Append(char.IsSurrogate(lines[i]) ? '\uFFFD' : lines[i]);
            }
        }

        return repaired.ToString();
    }

    /// <summary>Text that must stay on one line (a header, a heading): line breaks become spaces.</summary>
    private protected static string OneLine(string text) =>
        text.Contains('\n') || HasOtherLineBreak(text) || HasSurrogate(text)
            ? string.Join(' ', Normalize(text).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            : text.Trim();

    private static bool HasOtherLineBreak(string text) => text.AsSpan().ContainsAny(OtherLineBreaks);

    private static bool HasSurrogate(string text) => text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF');

    private static bool HasUnpairedSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
