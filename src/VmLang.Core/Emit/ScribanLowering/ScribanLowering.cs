using System.Collections.Immutable;
using System.Text;
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
    public static LoweredSay Lower(BoundSay say)
    {
        var lowering = new Lowering();
        lowering.Collect(say.Body);
        var pool = lowering.Pool.ToString();
        var page = new ScriptPage { Body = lowering.Block(say.Body, pool) };
        return new LoweredSay(
            page, pool, [.. lowering.Literals],
            lowering.Variables.ToImmutableDictionary(StringComparer.Ordinal), lowering.Presences.ToImmutableDictionary(StringComparer.Ordinal));
    }

    private sealed class Lowering
    {
        private int _next;

        /// <summary>Every literal text, back to back: each raw statement is a slice of this one string.</summary>
        public StringBuilder Pool { get; } = new();

        public List<(int Start, int Length)> Literals { get; } = [];

        /// <summary>One variable name string per slot name, shared by every read of the slot.</summary>
        public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

        /// <summary>One presence variable name string per slot an <c>if</c> tests.</summary>
        public Dictionary<string, string> Presences { get; } = new(StringComparer.Ordinal);

        public void Collect(ImmutableArray<BoundSayNode> nodes)
        {
            foreach (var node in nodes)
            {
                switch (node)
                {
                    case BoundText { Value.Length: > 0 } text:
                        Literals.Add((Pool.Length, text.Value.Length));
                        Pool.Append(text.Value);
                        break;
                    case BoundIf branch:
                        Collect(branch.Then);
                        Collect(branch.Else);
                        break;
                }
            }
        }

        public ScriptBlockStatement Block(ImmutableArray<BoundSayNode> nodes, string pool)
        {
            var block = new ScriptBlockStatement();
            foreach (var node in nodes) block.Statements.Add(Statement(node, pool));
            return block;
        }

        private ScriptStatement Statement(BoundSayNode node, string pool) => node switch
        {
            BoundText { Value.Length: 0 } => new ScriptRawStatement { Text = new ScriptStringSlice("") },
            BoundText text => new ScriptRawStatement { Text = Slice(pool) },
            BoundStringHole literal => Output(new ScriptLiteral(literal.Value), literal.Filters),
            BoundSlotHole { Slot: { } slot } hole => Output(new ScriptVariableGlobal(Variable(slot.Name)), hole.Filters),
            BoundIf { Condition: { } condition } branch => new ScriptIfStatement
            {
                // A variable the renderer sets with the row's values, rather than a function call in every row.
                Condition = new ScriptVariableGlobal(Name(Presences, condition.Name, ScribanNames.Presence)),
                Then = Block(branch.Then, pool),
                Else = branch.Else.IsEmpty ? null : new ScriptElseStatement { Body = Block(branch.Else, pool) },
            },
            _ => throw new InvalidOperationException($"Only templates without errors are lowered; found {node}."),
        };

        // Literals are met here in the order Collect met them.
        private ScriptStringSlice Slice(string pool)
        {
            var (start, length) = Literals[_next++];
            return new ScriptStringSlice(pool, start, length);
        }

        private string Variable(string slot) => Name(Variables, slot, ScribanNames.Slot);

        private static string Name(Dictionary<string, string> names, string slot, Func<string, string> name)
        {
            if (!names.TryGetValue(slot, out var variable)) names[slot] = variable = name(slot);
            return variable;
        }
    }

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

/// <summary>
/// A lowered say block: the Scriban program, the pool of literal text its raw statements are slices of
/// (in program order, <see cref="Literals"/>), the variable each slot is read through, and the variable
/// that tells whether a slot is present, for the slots an <c>if</c> tests.
/// </summary>
/// <remarks>
/// A renderer tells a literal write from a value write by the pool: only raw statements write from it.
/// That lets the row checker reuse what it knows of each literal text from one row to the next.
/// </remarks>
public sealed record LoweredSay(
    ScriptPage Program,
    string LiteralPool,
    ImmutableArray<(int Start, int Length)> Literals,
    ImmutableDictionary<string, string> Variables,
    ImmutableDictionary<string, string> Presences);
