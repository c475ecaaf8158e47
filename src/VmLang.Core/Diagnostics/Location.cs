using VmLang.Text;

namespace VmLang.Diagnostics;

/// <summary>A span in one file of the workspace.</summary>
public sealed record Location(string FilePath, SourceText Text, TextSpan Span)
{
    public LinePositionSpan LineSpan => Text.GetLinePositionSpan(Span);
}
