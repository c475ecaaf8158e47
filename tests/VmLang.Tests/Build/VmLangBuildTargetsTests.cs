using System.Text.RegularExpressions;
using VmLang.Diagnostics;

namespace VmLang.Tests.Build;

/// <summary>
/// VmLang.Build.targets lists every code so that TreatWarningsAsErrors can make each VML warning an error
/// (MSBuild has no wildcard for warning codes); the descriptor table is the source of that list.
/// </summary>
public class VmLangBuildTargetsTests
{
    [Fact]
    public void Targets_list_exactly_the_codes_of_the_descriptor_table()
    {
        var targets = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "src", "VmLang.Build", "build", "VmLang.Build.targets"));
        var listed = Regex.Match(targets, "<_VmLangCodes>(.*?)</_VmLangCodes>").Groups[1].Value.Split(';');
        Assert.Equal(DiagnosticDescriptors.All.Select(d => d.Code).Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }
}
