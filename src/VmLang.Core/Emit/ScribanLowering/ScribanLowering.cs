using System.Collections.Immutable;
using Scriban.Syntax;
using VmLang.Binding;

namespace VmLang.Emit;

/// <summary>
/// Lowers a checked template's <c>say</c> block to a Scriban syntax tree built in code, never to
/// template text: literal text becomes raw statements and string holes become literals, so no text a
/// writer typed and no data value can ever be read as Scriban syntax (<c>{{ end }}</c>, <c>{%</c>, <c>}}</c>).
/// </summary>
/// <remarks>
/// Slots are read through <see cref="ScribanNames.Slot"/> variables and filters through VmLang's
/// own functions (<see cref="ScribanNames.Filter"/>), so a slot named after a Scriban keyword
/// (<c>when</c>, <c>end</c>, <c>this</c>) or a filter is just another name. Only templates without
/// errors are lowered; the binder's depth limit (VML0004) bounds the recursion here.
/// </remarks>
public static class ScribanLowering
{
    public static ScriptPage Lower(BoundSay say) => new() { Body = Block(say.Body) };

    private static ScriptBlockStatement Block(ImmutableArray<BoundSayNode> nodes)
    {
        var block = new ScriptBlockStatement();
        foreach (var node in nodes) block.Statements.Add(Statement(node));
        return block;
    }

    private static ScriptStatement Statement(BoundSayNode node) => node switch
    {
        BoundText text => new ScriptRawStatement { Text = new ScriptStringSlice(text.Value) },
        BoundStringHole literal => Output(new ScriptLiteral(literal.Value), literal.Filters),
        BoundSlotHole { Slot: { } slot } hole => Output(new ScriptVariableGlobal(ScribanNames.Slot(slot.Name)), hole.Filters),
        BoundIf { Condition: { } condition } branch => new ScriptIfStatement
        {
            Condition = Call(ScribanNames.Present, new ScriptVariableGlobal(ScribanNames.Slot(condition.Name))),
            Then = Block(branch.Then),
            Else = branch.Else.IsEmpty ? null : new ScriptElseStatement { Body = Block(branch.Else) },
        },
        _ => throw new InvalidOperationException($"Only templates without errors are lowered; found {node}."),
    };

    /// <summary><c>{{ prospect | first | upper }}</c> is <c>upper(first(prospect))</c>: filters apply left to right.</summary>
    private static ScriptExpressionStatement Output(ScriptExpression value, ImmutableArray<ValueFilter> filters)
    {
        foreach (var filter in filters) value = Call(ScribanNames.Filter(filter), value);
        return new ScriptExpressionStatement { Expression = value };
    }

    private static ScriptFunctionCall Call(string function, ScriptExpression argument)
    {
        var call = new ScriptFunctionCall { Target = new ScriptVariableGlobal(function) };
        call.Arguments.Add(argument);
        return call;
    }
}
