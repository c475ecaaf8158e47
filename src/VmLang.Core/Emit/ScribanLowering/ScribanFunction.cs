using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace VmLang.Emit;

/// <summary>
/// One VmLang function of one string argument, callable from a lowered program. Written against
/// <see cref="IScriptCustomFunction"/> rather than Scriban's reflection-based delegate wrappers, so
/// that the renderer stays trim- and NativeAOT-safe.
/// </summary>
internal sealed class ScribanFunction(Func<string, object> apply) : IScriptCustomFunction
{
    public int RequiredParameterCount => 1;

    public int ParameterCount => 1;

    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;

    public Type ReturnType => typeof(object);

    public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(string), "value");

    public object Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        apply(arguments.Count > 0 ? arguments[0] as string ?? "" : "");

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        new(Invoke(context, callerContext, arguments, blockStatement));
}
