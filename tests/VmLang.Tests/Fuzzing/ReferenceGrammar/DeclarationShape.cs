namespace VmLang.Tests.Fuzzing.ReferenceGrammar;

/// <summary>
/// What both parsers must agree on for a valid file: each declaration's kind and name, and its members in
/// order, each as one line (<c>slot rep:caller optional</c>, <c>say {{prospect|first}}{{if a}}{{end}}</c>).
/// </summary>
internal sealed record DeclarationShape(string Kind, string Name, IReadOnlyList<string> Members)
{
    public override string ToString() => $"{Kind} {Name} {{ {string.Join("; ", Members)} }}";
}
