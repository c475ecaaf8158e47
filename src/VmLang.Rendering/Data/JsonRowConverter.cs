using System.Text;
using System.Text.Json;

namespace VmLang.Rendering;

/// <summary>
/// Turns one JSON value (an array element or a JSON Lines line) into a row, with
/// <see cref="Utf8JsonReader"/> rather than reflection-based deserialization: the values are
/// plain strings and the CLI is meant to stay trimmable.
/// </summary>
internal static class JsonRowConverter
{
    /// <summary>
    /// Lenient where leniency cannot change meaning: hand-edited data files often carry
    /// comments or a trailing comma.
    /// </summary>
    public static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>
    /// Converts <paramref name="json"/>, which must hold exactly one JSON object, to a
    /// <see cref="DataRow"/>: strings as they are, numbers and booleans as their JSON text,
    /// null as null. Anything else — not an object, a nested object or array, a key given
    /// twice, malformed JSON — is a <see cref="DataError"/> for this row only.
    /// </summary>
    public static DataRecord Convert(ReadOnlySpan<byte> json, int row, int? line, ColumnSet columns)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        string? problem = null;
        var started = false;
        try
        {
            var reader = new Utf8JsonReader(json, ReaderOptions);
            // With the final block and nothing but comments, Read throws a message about
            // "isFinalBlock" that would mean nothing to the user; see the catch.
            reader.Read();
            started = true;
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return new DataError(row, line, $"is {Describe(reader.TokenType)}, not an object", stopsReading: false);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                string? value;
                switch (reader.TokenType)
                {
                    case JsonTokenType.String:
                        value = reader.GetString();
                        break;
                    case JsonTokenType.Number:
                        // The number as written: "0.50" stays "0.50", a long phone number keeps its digits.
                        value = Encoding.UTF8.GetString(reader.ValueSpan);
                        break;
                    case JsonTokenType.True:
                        value = "true";
                        break;
                    case JsonTokenType.False:
                        value = "false";
                        break;
                    case JsonTokenType.Null:
                        value = null;
                        break;
                    default:
                        // A nested object or array. Keep its JSON text for the rejects file so
                        // the user sees what was there.
                        var kind = Describe(reader.TokenType);
                        var start = (int)reader.TokenStartIndex;
                        reader.Skip();
                        value = Encoding.UTF8.GetString(json[start..(int)reader.BytesConsumed]);
                        problem ??= $"column '{name}' holds {kind}; values must be strings, numbers, booleans or null";
                        break;
                }

                columns.Add(name);
                if (!values.TryAdd(name, value))
                {
                    problem ??= $"names column '{name}' twice (columns match slot names case-insensitively)";
                }
            }

            // After the object the input must end: a JSON Lines line holds one object, not two.
            while (reader.Read())
            {
            }
        }
        catch (JsonException) when (!started)
        {
            return new DataError(row, line, "holds no JSON value, only comments", stopsReading: false);
        }
        catch (JsonException exception)
        {
            return new DataError(row, ErrorLine(line, exception), $"invalid JSON: {JsonErrors.Describe(exception)}", stopsReading: false, values);
        }
        catch (InvalidOperationException exception)
        {
            // GetString on a string with an unpaired surrogate escape such as "\ud800".
            return new DataError(row, line, $"invalid JSON string: {exception.Message}", stopsReading: false, values);
        }

        return problem is null
            ? new DataRow(row, line, values)
            : new DataError(row, line, problem, stopsReading: false, values);
    }

    /// <summary>"an object", "a string"… for messages about what the user wrote.</summary>
    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "nothing",
    };

    /// <summary>The error's own line when the value spans lines (a pretty-printed array element).</summary>
    private static int? ErrorLine(int? startLine, JsonException exception) =>
        startLine is { } start && exception.LineNumber is { } offset ? start + (int)offset : startLine;
}
