using System.Text.Json;

namespace VmLang.Rendering;

/// <summary>Wording shared by the JSON readers.</summary>
internal static class JsonErrors
{
    /// <summary>
    /// The reader's message without its trailing "LineNumber: 0 | BytePositionInLine: 7.":
    /// those count from where that reader started, not from the top of the file, and the
    /// record carries the real line.
    /// </summary>
    public static string Describe(JsonException exception)
    {
        var message = exception.Message;
        var position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (position < 0 ? message : message[..position]).TrimEnd();
    }
}
