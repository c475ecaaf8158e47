namespace VmLang.Rendering;

/// <summary>Makes text that quotes user data safe to print on a terminal.</summary>
internal static class TerminalText
{
    public static string Sanitize(string message)
    {
        if (!message.Any(static c => char.IsControl(c) && c != '\t'))
        {
            return message;
        }

        return string.Create(message.Length, message, static (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                chars[i] = char.IsControl(source[i]) && source[i] != '\t' ? '\uFFFD' : source[i];
            }
        });
    }
}
