using System.Collections.Immutable;

namespace VmLang.Syntax;

/// <summary>
/// A reusable builder per element type and thread, for the parser's and binder's lists: building each list in a
/// fresh builder that grows and is then copied doubled the garbage of a parse. Rent and return in
/// pairs; a nested rent of the same type simply gets a new builder.
/// </summary>
internal static class ListBuilder<T>
{
    [ThreadStatic]
    private static ImmutableArray<T>.Builder? CachedForThread;

    public static ImmutableArray<T>.Builder Rent()
    {
        var builder = CachedForThread ?? ImmutableArray.CreateBuilder<T>();
        CachedForThread = null;
        return builder;
    }

    /// <summary>The built list; the builder is cleared and kept for the next rent.</summary>
    public static ImmutableArray<T> ToImmutableAndReturn(ImmutableArray<T>.Builder builder)
    {
        var list = builder.ToImmutable();
        Return(builder);
        return list;
    }

    public static void Return(ImmutableArray<T>.Builder builder)
    {
        builder.Clear();
        if (builder.Capacity <= 1024) CachedForThread = builder;
    }
}
