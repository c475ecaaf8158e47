using System.Text;
using System.Text.Json;
using VmLang.Binding;
using VmLang.Diagnostics;
using VmLang.Text;

namespace VmLang.Configuration;

/// <summary>
/// Reads <c>vmlang.json</c> with a forward-only reader so every problem gets the position of its key.
/// Comments and trailing commas are accepted, as in tsconfig.json; anything else wrong is VML0301 and
/// the default stays in force.
/// </summary>
public static class ConfigurationParser
{
    public static WorkspaceConfiguration Parse(string text, string filePath) => Parse(new SourceText(text), filePath);

    public static WorkspaceConfiguration Parse(SourceText text, string filePath)
    {
        var state = new State(text, filePath);
        try
        {
            state.ReadDocument();
        }
        catch (JsonException error)
        {
            state.ReportJsonError(error);
        }
        return state.Result with { FilePath = filePath, Diagnostics = [.. state.Diagnostics] };
    }

    private sealed class State(SourceText text, string filePath)
    {
        private static readonly JsonReaderOptions Options = new()
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        };

        private readonly byte[] _utf8 = Encoding.UTF8.GetBytes(text.HasByteOrderMark ? text.Text[1..] : text.Text);
        private readonly int _charOffset = text.HasByteOrderMark ? 1 : 0;

        public List<Diagnostic> Diagnostics { get; } = [];
        public WorkspaceConfiguration Result { get; private set; } = WorkspaceConfiguration.Default;

        public void ReadDocument()
        {
            if (text.EncodingProblem is { } encoding) Report(encoding.Span, $"the file is not valid UTF-8: {encoding.Description}");
            var reader = new Utf8JsonReader(_utf8, Options);
            if (!reader.Read()) return; // An empty file is an empty configuration.
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                Report(reader, "the file must hold one JSON object");
                return;
            }
            ReadObject(ref reader, (ref Utf8JsonReader r, string key, TextSpan keySpan) => ReadTopLevel(ref r, key, keySpan));
            if (reader.Read()) Report(reader, "unexpected content after the settings object");
        }

        private delegate void PropertyReader(ref Utf8JsonReader reader, string key, TextSpan keySpan);

        /// <summary>Calls <paramref name="readProperty"/> with the reader on each value; leaves the reader on EndObject.</summary>
        /// <remarks>A key given twice is a warning; the later value is read as well, so it wins, as in JSON.parse.</remarks>
        private void ReadObject(ref Utf8JsonReader reader, PropertyReader readProperty)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString()!;
                var keySpan = SpanOf(reader);
                if (!seen.Add(key))
                {
                    Diagnostics.Add(DiagnosticDescriptors.InvalidConfig.Create(new Location(filePath, text, keySpan), $"'{key}' is given more than once; the last one is used")
                        with { Severity = DiagnosticSeverity.Warning });
                }
                reader.Read();
                readProperty(ref reader, key, keySpan);
            }
        }

        private void ReadTopLevel(ref Utf8JsonReader reader, string key, TextSpan keySpan)
        {
            switch (key)
            {
                case "$schema":
                    reader.Skip();
                    break;
                case "wordsPerMinute":
                    if (ReadPositiveInteger(ref reader, key, keySpan, minimum: 1) is { } wpm) Result = Result with { WordsPerMinute = wpm };
                    break;
                case "pauseSeconds":
                    if (ReadSeconds(ref reader, key, keySpan, WorkspaceConfiguration.MaxPauseSeconds) is { } pause) Result = Result with { PauseSeconds = pause };
                    break;
                case "maxSeconds":
                    if (ReadPositiveInteger(ref reader, key, keySpan, minimum: 1) is { } max) Result = Result with { MaxSeconds = max };
                    break;
                case "rules":
                    if (ExpectObject(ref reader, key, keySpan)) ReadObject(ref reader, ReadRule);
                    break;
                case "roles":
                    if (ExpectObject(ref reader, key, keySpan)) ReadObject(ref reader, ReadRole);
                    break;
                default:
                    Report(keySpan, $"unknown key '{key}' (known keys: wordsPerMinute, pauseSeconds, maxSeconds, rules, roles)");
                    reader.Skip();
                    break;
            }
        }

        private void ReadRule(ref Utf8JsonReader reader, string code, TextSpan keySpan)
        {
            if (!DiagnosticDescriptors.TryGet(code, out var descriptor))
            {
                Report(keySpan, $"'{code}' in 'rules' is not a VmLang diagnostic code");
                reader.Skip();
                return;
            }
            var value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            DiagnosticSeverity? severity;
            if (value == "off")
            {
                severity = null;
            }
            else if (value is not null && DiagnosticSeverityText.TryParse(value, out var parsed))
            {
                severity = parsed;
            }
            else
            {
                Report(keySpan, $"'rules.{code}' must be \"off\", \"info\", \"warning\" or \"error\"");
                reader.Skip();
                return;
            }
            Result = Result with { RuleSeverities = Result.RuleSeverities.SetItem(descriptor.Code, severity) };
        }

        private void ReadRole(ref Utf8JsonReader reader, string roleName, TextSpan keySpan)
        {
            if (Role.Find(roleName) is null)
            {
                Report(keySpan, $"'{roleName}' in 'roles' is not a role (roles: {Role.NameList})");
                reader.Skip();
                return;
            }
            if (!ExpectObject(ref reader, $"roles.{roleName}", keySpan)) return;
            ReadObject(ref reader, (ref Utf8JsonReader r, string key, TextSpan span) =>
            {
                if (key != "estimatedWords")
                {
                    Report(span, $"unknown key '{key}' in 'roles.{roleName}' (known keys: estimatedWords)");
                    r.Skip();
                    return;
                }
                if (ReadPositiveInteger(ref r, $"roles.{roleName}.estimatedWords", span, minimum: 0) is { } words)
                {
                    Result = Result with { RoleWordEstimates = Result.RoleWordEstimates.SetItem(roleName, words) };
                }
            });
        }

        private int? ReadPositiveInteger(ref Utf8JsonReader reader, string key, TextSpan keySpan, int minimum)
        {
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value) && value >= minimum) return value;
            Report(keySpan, $"'{key}' must be a whole number of at least {minimum}");
            reader.Skip();
            return null;
        }

        private double? ReadSeconds(ref Utf8JsonReader reader, string key, TextSpan keySpan, double maximum)
        {
            // The upper bound catches milliseconds written as seconds ("pauseSeconds": 500).
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value) && value >= 0 && value <= maximum) return value;
            Report(keySpan, $"'{key}' must be a number of seconds from 0 to {maximum}");
            reader.Skip();
            return null;
        }

        private bool ExpectObject(ref Utf8JsonReader reader, string key, TextSpan keySpan)
        {
            if (reader.TokenType == JsonTokenType.StartObject) return true;
            Report(keySpan, $"'{key}' must be an object");
            reader.Skip();
            return false;
        }

        public void ReportJsonError(JsonException error)
        {
            var line = (int)Math.Min(error.LineNumber ?? 0, text.LineCount - 1);
            var lineStart = text.GetLineStart(line);
            var lineBytes = Encoding.UTF8.GetBytes(text.ToString(TextSpan.FromBounds(lineStart, text.GetLineContentEnd(line))));
            var byteColumn = (int)Math.Min(error.BytePositionInLine ?? 0, lineBytes.Length);
            var column = Encoding.UTF8.GetCharCount(lineBytes, 0, byteColumn);
            var reason = error.Message.Split(" LineNumber:")[0].TrimEnd('.', ' ');
            Report(new TextSpan(lineStart + column, 0), $"not valid JSON: {reason}");
        }

        private TextSpan SpanOf(Utf8JsonReader reader)
        {
            var start = (int)reader.TokenStartIndex;
            var end = (int)reader.BytesConsumed;
            return TextSpan.FromBounds(CharOffset(start), CharOffset(end));
        }

        // The reader only moves forward, so offsets are counted on from the last one asked for: counting
        // from the start each time made a file with many keys quadratic.
        private int _countedBytes;
        private int _countedChars;

        private int CharOffset(int byteOffset)
        {
            byteOffset = Math.Min(byteOffset, _utf8.Length);
            if (byteOffset < _countedBytes)
            {
                _countedBytes = 0;
                _countedChars = 0;
            }
            _countedChars += Encoding.UTF8.GetCharCount(_utf8, _countedBytes, byteOffset - _countedBytes);
            _countedBytes = byteOffset;
            return _charOffset + _countedChars;
        }

        private void Report(Utf8JsonReader reader, string message) => Report(SpanOf(reader), message);

        private void Report(TextSpan span, string message) =>
            Diagnostics.Add(DiagnosticDescriptors.InvalidConfig.Create(new Location(filePath, text, span), message));
    }
}
