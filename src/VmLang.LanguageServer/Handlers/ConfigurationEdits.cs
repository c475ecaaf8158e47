using System.Text;
using System.Text.Json;
using VmLang.LanguageServer.Protocol;
using VmLang.LanguageServer.Workspace;
using VmLang.Text;

namespace VmLang.LanguageServer.Handlers;

/// <summary>
/// The smallest edit of <c>vmlang.json</c> that sets a rule to <c>"off"</c>: the existing value is
/// replaced, or an entry is added to <c>rules</c>, or a <c>rules</c> object is added. Comments and
/// the rest of the file stay as they are.
/// </summary>
internal static class ConfigurationEdits
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The edit, or null when the file is not a JSON object the edit could be placed in.</summary>
    public static TextEdit? TurnOff(SourceText? existing, string code)
    {
        var text = existing?.Text.TrimStart('\uFEFF') ?? "";
        var offset = existing is { HasByteOrderMark: true } ? 1 : 0;
        if (text.Trim().Length == 0)
        {
            var whole = existing is null ? new TextSpan(0, 0) : new TextSpan(0, existing.Length);
            return Edit(existing, whole, $"{{\n  \"rules\": {{ \"{code}\": \"off\" }}\n}}\n");
        }

        if (Find(text, code) is not { } found) return null;
        TextSpan At(int start, int end) => TextSpan.FromBounds(start + offset, end + offset);
        if (found.ExistingValue is { } value) return Edit(existing, At(value.Start, value.End), "\"off\"");
        if (found.RulesOpen is { } rulesOpen)
        {
            return Edit(existing, At(rulesOpen, rulesOpen), $" \"{code}\": \"off\"{(found.RulesEmpty ? " " : ",")}");
        }
        return Edit(existing, At(found.RootOpen, found.RootOpen), $"\n  \"rules\": {{ \"{code}\": \"off\" }}{(found.RootEmpty ? "\n" : ",")}");
    }

    private static TextEdit Edit(SourceText? existing, TextSpan span, string newText) => new()
    {
        Range = existing is null ? new Range(new Position(0, 0), new Position(0, 0)) : LspConversions.ToRange(existing, span),
        NewText = newText,
    };

    private sealed record Places(int RootOpen, bool RootEmpty, int? RulesOpen, bool RulesEmpty, (int Start, int End)? ExistingValue);

    /// <summary>Character offsets just after the root's and the rules' opening braces, and of the code's current value.</summary>
    private static Places? Find(string text, string code)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        int Chars(long bytes) => Encoding.UTF8.GetCharCount(utf8, 0, (int)bytes);
        try
        {
            var reader = new Utf8JsonReader(utf8, Options);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            var rootOpen = Chars(reader.BytesConsumed);
            int? rulesOpen = null;
            var rootEmpty = true;
            var rulesEmpty = true;
            (int, int)? existing = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                rootEmpty = false;
                var isRules = reader.ValueTextEquals("rules");
                reader.Read();
                if (!isRules || reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }
                rulesOpen = Chars(reader.BytesConsumed);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    rulesEmpty = false;
                    var isCode = string.Equals(reader.GetString(), code, StringComparison.OrdinalIgnoreCase);
                    reader.Read();
                    if (isCode) existing = (Chars(reader.TokenStartIndex), Chars(reader.BytesConsumed));
                    reader.Skip();
                }
            }
            return new Places(rootOpen, rootEmpty, rulesOpen, rulesEmpty, existing);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
