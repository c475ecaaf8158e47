namespace VmLang.Tests.LanguageServer.Features;

internal static class TextPositions
{
    /// <summary>The zero-based line and column of the <paramref name="occurrence"/>-th <paramref name="needle"/> in <paramref name="text"/>, plus <paramref name="offset"/> columns.</summary>
    public static (int Line, int Character) Find(string text, string needle, int offset = 0, int occurrence = 1)
    {
        var index = -1;
        for (var i = 0; i < occurrence; i++)
        {
            index = text.IndexOf(needle, index + 1, StringComparison.Ordinal);
            Assert.True(index >= 0, $"'{needle}' not found");
        }
        index += offset;
        var line = text[..index].Count(c => c == '\n');
        var lineStart = text.LastIndexOf('\n', Math.Max(index - 1, 0)) + 1;
        return (line, index - (line == 0 ? 0 : lineStart));
    }
}
