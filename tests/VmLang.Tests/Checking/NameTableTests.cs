using System.Collections.Immutable;
using VmLang.Binding;
using VmLang.Syntax;
using VmLang.Text;

namespace VmLang.Tests.Checking;

/// <summary>The pieces an edited binding is made of: the layered name table and the occurrence order.</summary>
public class NameTableTests
{
    private static readonly SyntaxTree Tree = SyntaxTree.Parse(string.Concat(Enumerable.Range(0, 8).Select(i => Check.Template($"t{i}"))), "a.vml");

    private static readonly ImmutableArray<TemplateSymbol> Templates = Compilation.Create([Tree]).Templates;

    [Fact]
    public void Names_re_pointed_edit_after_edit_read_as_one_table_and_leave_earlier_tables_as_they_were()
    {
        var first = Templates.ToDictionary(t => t.Name, t => new List<Symbol> { t }, StringComparer.Ordinal);
        IReadOnlyDictionary<string, List<Symbol>> table = first;
        var tables = new List<(IReadOnlyDictionary<string, List<Symbol>> Table, Dictionary<string, Symbol> Expected)>();
        var expected = Templates.ToDictionary(t => t.Name, t => (Symbol)t);
        // Enough edits for the layer to outgrow a quarter of the base and be folded into a new one.
        for (var edit = 0; edit < 8; edit++)
        {
            var next = LayeredNames.Over(table);
            var name = $"t{edit % 3}";
            var replacement = Templates[edit % 8];
            next.Set(name, [replacement]);
            expected = new Dictionary<string, Symbol>(expected) { [name] = replacement };
            tables.Add((next, expected));
            table = next;
        }

        foreach (var (each, names) in tables)
        {
            Assert.Equal(names.Count, each.Count);
            Assert.Equal(names.OrderBy(p => p.Key).Select(p => (p.Key, p.Value)), each.OrderBy(p => p.Key).Select(p => (p.Key, Assert.Single(p.Value))));
            Assert.All(names, pair => Assert.Same(pair.Value, Assert.Single(each[pair.Key])));
            Assert.False(each.ContainsKey("missing"));
        }
        Assert.All(first, pair => Assert.Equal(pair.Key, Assert.Single(pair.Value).Name));
    }

    [Theory]
    [InlineData(new[] { 0, 1, 2, 3, 4, 5 })]
    [InlineData(new[] { 0, 2, 1, 3, 5, 4 })]
    [InlineData(new[] { 5, 4, 3, 2, 1, 0 })]
    [InlineData(new[] { 1, 2, 3, 4, 5, 0 })]
    public void Occurrences_are_put_in_source_order_however_far_from_it_they_come(int[] starts)
    {
        var occurrences = ImmutableArray.CreateBuilder<SymbolOccurrence>();
        foreach (var start in starts) occurrences.Add(new SymbolOccurrence(Templates[0], Tree, new TextSpan(start * 10, 2), IsDeclaration: false));

        OccurrenceOrder.SortByStart(occurrences);

        Assert.Equal(starts.Order().Select(s => s * 10), occurrences.Select(o => o.Span.Start));
    }
}
