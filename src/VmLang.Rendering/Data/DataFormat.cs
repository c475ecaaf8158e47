using System.Diagnostics.CodeAnalysis;

namespace VmLang.Rendering;

/// <summary>The shapes of prospect data that <c>vmlang render --data</c> accepts (spec §9).</summary>
public enum DataFormat
{
    /// <summary>Comma-separated values with a header row (RFC 4180 quoting).</summary>
    Csv,

    /// <summary>One JSON array of objects.</summary>
    Json,

    /// <summary>JSON Lines: one object per line.</summary>
    JsonLines,
}

/// <summary>Names and file extensions of <see cref="DataFormat"/>s.</summary>
public static class DataFormats
{
    /// <summary>The names <see cref="TryParse"/> accepts, for help text and error messages.</summary>
    public const string KnownNames = "csv, json, jsonl (or ndjson)";

    /// <summary>Parses a format name given explicitly by the user: <c>csv</c>, <c>json</c>, <c>jsonl</c> or <c>ndjson</c>.</summary>
    public static bool TryParse(string? name, out DataFormat format) =>
        TryFromName(name?.Trim().ToLowerInvariant(), out format);

    /// <summary>Infers the format from the file extension: <c>.csv</c>, <c>.json</c>, <c>.jsonl</c> or <c>.ndjson</c>.</summary>
    public static bool TryFromExtension(string path, out DataFormat format) =>
        TryFromName(Path.GetExtension(path).TrimStart('.').ToLowerInvariant(), out format);

    /// <summary>
    /// The format to read <paramref name="path"/> with: <paramref name="explicitFormat"/> when the
    /// user gave one (it wins over the extension, so <c>data.txt</c> can be read as CSV), else the
    /// extension. On failure <paramref name="error"/> says what to do; the caller treats it as a
    /// bad argument.
    /// </summary>
    public static bool TryResolve(string path, string? explicitFormat, out DataFormat format, [NotNullWhen(false)] out string? error)
    {
        if (explicitFormat is not null)
        {
            error = TryParse(explicitFormat, out format)
                ? null
                : $"unknown data format '{explicitFormat}'; expected {KnownNames}";
            return error is null;
        }

        error = TryFromExtension(path, out format)
            ? null
            : $"cannot tell the data format of '{path}' from its extension; use .csv, .json, .jsonl or .ndjson, or name the format ({KnownNames})";
        return error is null;
    }

    private static bool TryFromName(string? name, out DataFormat format)
    {
        (var known, format) = name switch
        {
            "csv" => (true, DataFormat.Csv),
            "json" => (true, DataFormat.Json),
            "jsonl" or "ndjson" => (true, DataFormat.JsonLines),
            _ => (false, default),
        };
        return known;
    }
}
