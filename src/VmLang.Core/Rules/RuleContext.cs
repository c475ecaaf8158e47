using VmLang.Configuration;
using VmLang.Diagnostics;
using VmLang.Syntax;
using VmLang.Text;

namespace VmLang.Rules;

public sealed class RuleContext
{
    private readonly List<Diagnostic> _diagnostics;

    private readonly Func<PhraseChecker> _phraseChecker;

    internal RuleContext(Compilation compilation, List<Diagnostic> diagnostics, Func<PhraseChecker> phraseChecker)
    {
        Compilation = compilation;
        _diagnostics = diagnostics;
        _phraseChecker = phraseChecker;
    }

    public Compilation Compilation { get; }

    /// <summary>Every enabled phrase of the compilation in one automaton, built when a rule first needs it.</summary>
    public PhraseChecker PhraseChecker => _phraseChecker();

    public WorkspaceConfiguration Configuration => Compilation.Configuration;

    /// <summary>False when vmlang.json turns the code off, so a rule can skip work nobody will see.</summary>
    public bool IsEnabled(DiagnosticDescriptor descriptor) =>
        Configuration.EffectiveSeverity(descriptor.Code, descriptor.DefaultSeverity) is not null;

    public void Report(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    public void Report(DiagnosticDescriptor descriptor, SyntaxTree tree, SyntaxElement at, params object?[] args) =>
        Report(Diagnostic.Create(descriptor, tree.GetLocation(at), args));

    public void Report(DiagnosticDescriptor descriptor, SyntaxTree tree, TextSpan span, params object?[] args) =>
        Report(Diagnostic.Create(descriptor, tree.GetLocation(span), args));
}
