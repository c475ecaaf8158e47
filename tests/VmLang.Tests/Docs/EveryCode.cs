using VmLang.Diagnostics;

namespace VmLang.Tests.Docs;

/// <summary>Theory data: every code of the descriptor table, for tests that check something of each.</summary>
public static class EveryCode
{
    public static TheoryData<string> InTheTable()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in DiagnosticDescriptors.All) data.Add(descriptor.Code);
        return data;
    }
}
