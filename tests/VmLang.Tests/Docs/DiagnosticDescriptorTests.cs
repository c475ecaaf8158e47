using System.Text.RegularExpressions;
using VmLang.Diagnostics;
using VmLang.Tests.Checking;

namespace VmLang.Tests.Docs;

/// <summary>
/// The descriptor table is the one source of every message. Each descriptor's typed <c>Create</c> takes
/// as many values as its message has placeholders, in the order the message reads them.
/// </summary>
public partial class DiagnosticDescriptorTests
{
    [Theory]
    [MemberData(nameof(EveryCode.InTheTable), MemberType = typeof(EveryCode))]
    public void A_message_has_one_placeholder_per_argument_of_its_factory_in_reading_order(string code)
    {
        DiagnosticDescriptors.TryGet(code, out var descriptor);
        var placeholders = Placeholder().Matches(descriptor.MessageFormat).Select(m => int.Parse(m.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(0, descriptor.ArgumentCount), placeholders.Distinct());

        var create = Assert.Single(descriptor.GetType().GetMethods(), m => m.Name == "Create").GetParameters();
        Assert.Equal(typeof(Location), create[0].ParameterType);
        // VML1100's one value is the message its ruleset line makes: Create takes the line and the words said.
        if (code != "VML1100") Assert.Equal(descriptor.ArgumentCount, create.Length - 1);
    }

    /// <summary>Docs, the config schema and SARIF rules are checked against <c>All</c>, so a descriptor missing from it would go unchecked.</summary>
    [Fact]
    public void Every_descriptor_declared_is_in_the_list_of_all()
    {
        var declared = typeof(DiagnosticDescriptors).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => typeof(DiagnosticDescriptor).IsAssignableFrom(f.FieldType))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!);
        Assert.Equal(declared.Select(d => d.Code).Order(StringComparer.Ordinal), DiagnosticDescriptors.All.Select(d => d.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Slot_messages_name_the_template_and_the_slot_where_the_message_says_them()
    {
        var source = Check.Template(members: "slot pain : text", say: Check.Everything + " {{ nope }}");
        var diagnostics = Check.Diagnostics(source);
        Assert.Equal("Template 't' already declares a slot named 'pain'.", Assert.Single(diagnostics, d => d.Code == "VML0102").Message);
        Assert.Equal("Template 't' declares no slot named 'nope'.", Assert.Single(diagnostics, d => d.Code == "VML0103").Message);
    }

    [GeneratedRegex(@"\{(?<index>\d+)[^}]*\}")]
    private static partial Regex Placeholder();
}
