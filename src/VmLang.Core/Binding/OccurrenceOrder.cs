using System.Collections.Immutable;

namespace VmLang.Binding;

/// <summary>Puts a file's occurrences in source order, as the binder found them: nearly there already.</summary>
internal static class OccurrenceOrder
{
    private static readonly Comparison<SymbolOccurrence> ByStart = static (a, b) => a.Span.Start.CompareTo(b.Span.Start);

    /// <summary>
    /// An insertion sort, linear in a list that is sorted but for a few late entries (a keystroke's file is
    /// sorted again on every edit); once it has moved entries as often as there are entries, the list is
    /// not nearly sorted and the general sort finishes it.
    /// </summary>
    public static void SortByStart(ImmutableArray<SymbolOccurrence>.Builder occurrences)
    {
        var moves = 0;
        for (var i = 1; i < occurrences.Count; i++)
        {
            var item = occurrences[i];
            var start = item.Span.Start;
            var j = i - 1;
            if (occurrences[j].Span.Start <= start) continue;
            while (j >= 0 && occurrences[j].Span.Start > start)
            {
                occurrences[j + 1] = occurrences[j];
                j--;
                moves++;
            }
            occurrences[j + 1] = item;
            if (moves > occurrences.Count)
            {
                occurrences.Sort(ByStart);
                return;
            }
        }
    }
}
