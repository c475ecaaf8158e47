namespace VmLang.LanguageServer.Protocol;

internal sealed record Hover
{
    public required MarkupContent Contents { get; init; }

    public Range? Range { get; init; }
}
