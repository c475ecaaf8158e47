using System.Collections.Frozen;
using VmLang.Binding;
using static VmLang.Diagnostics.DiagnosticSeverity;

namespace VmLang.Diagnostics;

/// <summary>
/// The single source of every diagnostic code, its default severity, title and message.
/// Docs (docs/diagnostics), the config schema and SARIF rule metadata are checked against this table by tests.
/// </summary>
public static class DiagnosticDescriptors
{
    // Each code is one entry: the descriptor, and its class, whose Create names the message's values in
    // the order of the placeholders ({0}, {1}, … as they are read). Keep the message text as it is: the
    // spec, the docs and the baselines quote it.

    // Syntax
    public static readonly SyntaxErrorDescriptor SyntaxError = new();
    public sealed class SyntaxErrorDescriptor() : DiagnosticDescriptor<string, string>("VML0001", Error, "Syntax error", "Expected {0} but found {1}.")
    {
        public Diagnostic Create(Location location, string expected, string found) => Make(location, expected, found);
    }

    public static readonly UnterminatedDescriptor Unterminated = new();
    public sealed class UnterminatedDescriptor() : DiagnosticDescriptor<string, string>("VML0002", Error, "Unterminated string or block", "Unterminated {0}: {1}.")
    {
        public Diagnostic Create(Location location, string what, string howToEnd) => Make(location, what, howToEnd);
    }

    public static readonly CharacterNotAllowedDescriptor CharacterNotAllowed = new();
    public sealed class CharacterNotAllowedDescriptor() : DiagnosticDescriptor<string>("VML0003", Error, "Character not allowed here", "The character {0} is not allowed here.")
    {
        public Diagnostic Create(Location location, string character) => Make(location, character);
    }

    public static readonly NestedTooDeeplyDescriptor NestedTooDeeply = new();
    public sealed class NestedTooDeeplyDescriptor() : DiagnosticDescriptor<string>("VML0004", Error, "Nested too deeply", "Nested too deeply: {0}; the compiler does not look deeper.")
    {
        public Diagnostic Create(Location location, string depth) => Make(location, depth);
    }

    public static readonly NotUtf8Descriptor NotUtf8 = new();
    public sealed class NotUtf8Descriptor() : DiagnosticDescriptor<string>("VML0005", Error, "File is not UTF-8", "The file is not valid UTF-8: {0}; save it as UTF-8.")
    {
        public Diagnostic Create(Location location, string problem) => Make(location, problem);
    }

    // Binding
    public static readonly DuplicateNameDescriptor DuplicateName = new();
    public sealed class DuplicateNameDescriptor() : DiagnosticDescriptor<string, string>("VML0101", Error, "Duplicate name", "The name '{0}' is declared more than once in the workspace (also at {1}).")
    {
        public Diagnostic Create(Location location, string name, string otherPlace) => Make(location, name, otherPlace);
    }

    public static readonly DuplicateSlotDescriptor DuplicateSlot = new();
    public sealed class DuplicateSlotDescriptor() : DiagnosticDescriptor<string, string>("VML0102", Error, "Duplicate slot", "Template '{0}' already declares a slot named '{1}'.")
    {
        public Diagnostic Create(Location location, string templateName, string slotName) => Make(location, templateName, slotName);
    }

    public static readonly UndeclaredSlotDescriptor UndeclaredSlot = new();
    public sealed class UndeclaredSlotDescriptor() : DiagnosticDescriptor<string, string>("VML0103", Error, "Unknown slot in hole", "Template '{0}' declares no slot named '{1}'.")
    {
        public Diagnostic Create(Location location, string templateName, string slotName) => Make(location, templateName, slotName);
    }

    public static readonly UnknownRulesetDescriptor UnknownRuleset = new();
    public sealed class UnknownRulesetDescriptor() : DiagnosticDescriptor<string>("VML0104", Error, "Unknown ruleset", "There is no ruleset named '{0}' in the workspace.")
    {
        public Diagnostic Create(Location location, string rulesetName) => Make(location, rulesetName);
    }

    public static readonly UnknownRoleDescriptor UnknownRole = new();
    public sealed class UnknownRoleDescriptor() : DiagnosticDescriptor<string, string>("VML0105", Error, "Unknown role", "Unknown role '{0}'; the roles are {1}.")
    {
        public Diagnostic Create(Location location, string role, string roles) => Make(location, role, roles);
    }

    public static readonly UnknownFilterOrMemberDescriptor UnknownFilterOrMember = new();
    public sealed class UnknownFilterOrMemberDescriptor() : DiagnosticDescriptor<string, string, string>("VML0106", Error, "Unknown filter or member", "Unknown {0} '{1}'; expected {2}.")
    {
        /// <param name="kind">"filter" or "member".</param>
        public Diagnostic Create(Location location, string kind, string name, string expected) => Make(location, kind, name, expected);
    }

    public static readonly SayCountDescriptor SayCount = new();
    public sealed class SayCountDescriptor() : DiagnosticDescriptor<string, string>("VML0107", Error, "Missing or extra say", "Template '{0}' must have exactly one 'say' block; {1}.")
    {
        public Diagnostic Create(Location location, string templateName, string problem) => Make(location, templateName, problem);
    }

    public static readonly InvalidSequenceDescriptor InvalidSequence = new();
    public sealed class InvalidSequenceDescriptor() : DiagnosticDescriptor<string, string>("VML0108", Error, "Bad sequence step", "Sequence '{0}': {1}.")
    {
        public Diagnostic Create(Location location, string sequenceName, string problem) => Make(location, sequenceName, problem);
    }

    public static readonly UnbalancedIfDescriptor UnbalancedIf = new();
    public sealed class UnbalancedIfDescriptor() : DiagnosticDescriptor<string>("VML0109", Error, "Unbalanced if/else/end", "{0}.")
    {
        public Diagnostic Create(Location location, string problem) => Make(location, problem);
    }

    public static readonly UnknownAllowCodeDescriptor UnknownAllowCode = new();
    public sealed class UnknownAllowCodeDescriptor() : DiagnosticDescriptor<string>("VML0110", Warning, "Allow names unknown code", "'{0}' is not a VmLang diagnostic code, so this allow has no effect.")
    {
        public Diagnostic Create(Location location, string code) => Make(location, code);
    }

    public static readonly UnusedAllowDescriptor UnusedAllow = new();
    public sealed class UnusedAllowDescriptor() : DiagnosticDescriptor<string, string>("VML0111", Info, "Allow suppresses nothing", "'allow {0}' suppresses nothing in template '{1}'; remove it.")
    {
        public Diagnostic Create(Location location, string code, string templateName) => Make(location, code, templateName);
    }

    // Completeness of the message
    public static readonly MissingRoleDescriptor MissingRole = new();
    public sealed class MissingRoleDescriptor() : DiagnosticDescriptor<string, string, string, string>("VML0201", Error, "Missing required role", "Template '{0}' has no '{1}' slot: a {2} message needs {3}.")
    {
        public Diagnostic Create(Location location, string templateName, string role, string channel, string purpose) => Make(location, templateName, role, channel, purpose);
    }

    public static readonly RequiredSlotNotSaidDescriptor RequiredSlotNotSaid = new();
    public sealed class RequiredSlotNotSaidDescriptor() : DiagnosticDescriptor<string, string, string>("VML0202", Error, "Required slot not said", "Slot '{0}' ({1}) is required but {2}.")
    {
        /// <param name="how">"is never said" or "is said only inside an 'if'".</param>
        public Diagnostic Create(Location location, string slotName, string role, string how) => Make(location, slotName, role, how);
    }

    public static readonly OptionalSlotNotSaidDescriptor OptionalSlotNotSaid = new();
    public sealed class OptionalSlotNotSaidDescriptor() : DiagnosticDescriptor<string>("VML0203", Info, "Optional slot never said", "Optional slot '{0}' is never said.")
    {
        public Diagnostic Create(Location location, string slotName) => Make(location, slotName);
    }

    public static readonly TooLongDescriptor TooLong = new();
    public sealed class TooLongDescriptor() : DiagnosticDescriptor<string, int>("VML0204", Warning, "Message too long", "Estimated spoken length is {0} s, over the budget of {1} s; the machine cuts long messages off and people skip them.")
    {
        /// <param name="seconds">The estimate as <c>SpokenLength.Format</c> writes it.</param>
        public Diagnostic Create(Location location, string seconds, int budgetSeconds) => Make(location, seconds, budgetSeconds);

        /// <summary>The message alone, for a rendered row (which has no location).</summary>
        public string Message(string seconds, int budgetSeconds) => Format(seconds, budgetSeconds);
    }

    public static readonly ProspectNotFirstDescriptor ProspectNotFirst = new();
    public sealed class ProspectNotFirstDescriptor() : DiagnosticDescriptor<string>("VML0205", Info, "Prospect not named first", "Say the prospect's name ('{0}') in the first sentence.")
    {
        public Diagnostic Create(Location location, string slotName) => Make(location, slotName);
    }

    public static readonly GatekeeperPitchDescriptor GatekeeperPitch = new();
    public sealed class GatekeeperPitchDescriptor() : DiagnosticDescriptor<string, string>("VML0206", Warning, "Pitching the gatekeeper", "A gatekeeper message says the {0} slot '{1}'; don't pitch the gatekeeper, ask for voicemail instead.")
    {
        public Diagnostic Create(Location location, string role, string slotName) => Make(location, role, slotName);
    }

    public static readonly IfYouCouldWithoutPromiseDescriptor IfYouCouldWithoutPromise = new();
    public sealed class IfYouCouldWithoutPromiseDescriptor() : FixedMessageDescriptor("VML0207", Warning, "\"If you could\" without promise", "\"If you could\" asks for something without a promise in the same sentence (\"I will\", \"I'll\", \"we will\", \"we'll\").")
    {
        public Diagnostic Create(Location location) => Make(location);
    }

    public static readonly StepsTooCloseDescriptor StepsTooClose = new();
    public sealed class StepsTooCloseDescriptor() : DiagnosticDescriptor<int, int>("VML0208", Warning, "Voicemails too close together", "Voicemail steps on day {0} and day {1} are less than 2 days apart; calls that close read as stalking.")
    {
        public Diagnostic Create(Location location, int earlierDay, int laterDay) => Make(location, earlierDay, laterDay);
    }

    // Workspace configuration
    public static readonly InvalidConfigDescriptor InvalidConfig = new();
    public sealed class InvalidConfigDescriptor() : DiagnosticDescriptor<string>("VML0301", Error, "Invalid vmlang.json", "vmlang.json: {0}.")
    {
        public Diagnostic Create(Location location, string problem) => Make(location, problem);
    }

    // Phrasing
    public static readonly PhraseDescriptor DeceptiveHook = new("VML1001", Error, "Deceptive hook", "Deceptive hook \"{0}\": say who you are and your company instead.");
    public static readonly PhraseDescriptor BeggingForCallback = new("VML1002", Warning, "Begging for a callback", "\"{0}\" begs for a callback; give a reason instead: \"if this is of interest, you can reach me at …\".");
    public static readonly PhraseDescriptor AboutYou = new("VML1003", Warning, "About you, not them", "\"{0}\" is about what you want; say what is in it for them.");
    public static readonly PhraseDescriptor EmptyFiller = new("VML1004", Warning, "Empty filler", "\"{0}\" is filler; say why the call matters to them.");
    public static readonly PhraseDescriptor HardSell = new("VML1005", Warning, "Hard sell", "\"{0}\" is a hard sell; a voicemail earns a callback, it does not close.");

    /// <summary>A built-in phrase rule's code: the message quotes the words said.</summary>
    public sealed class PhraseDescriptor : DiagnosticDescriptor<string>
    {
        internal PhraseDescriptor(string code, DiagnosticSeverity defaultSeverity, string title, string messageFormat)
            : base(code, defaultSeverity, title, messageFormat)
        {
        }

        public Diagnostic Create(Location location, string said) => Make(location, said);

        /// <summary>The message alone, for a rendered script (which has no location).</summary>
        public string Message(string said) => Format(said);
    }

    public static readonly RulesetPhraseDescriptor RulesetPhrase = new();
    public sealed class RulesetPhraseDescriptor() : DiagnosticDescriptor<string>("VML1100", Warning, "Ruleset phrase matched", "{0}")
    {
        /// <summary>A ruleset line matched: its own severity (<c>as error</c>, …), and the message its kind of line says.</summary>
        public Diagnostic Create(Location location, PhraseRule rule, string said) => Make(location, Message(rule, said)) with { Severity = rule.Severity };

        /// <summary>The message alone, for a rendered script (which has no location).</summary>
        public string Message(PhraseRule rule, string said) => Format(rule.IsPrefer
            ? $"Ruleset '{rule.Ruleset.Name}' prefers \"{rule.Replacement}\" to \"{said}\": {rule.Reason}"
            : $"Ruleset '{rule.Ruleset.Name}' forbids \"{said}\": {rule.Reason}");
    }

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        SyntaxError, Unterminated, CharacterNotAllowed, NestedTooDeeply, NotUtf8,
        DuplicateName, DuplicateSlot, UndeclaredSlot, UnknownRuleset, UnknownRole, UnknownFilterOrMember,
        SayCount, InvalidSequence, UnbalancedIf, UnknownAllowCode, UnusedAllow,
        MissingRole, RequiredSlotNotSaid, OptionalSlotNotSaid, TooLong, ProspectNotFirst, GatekeeperPitch,
        IfYouCouldWithoutPromise, StepsTooClose,
        InvalidConfig,
        DeceptiveHook, BeggingForCallback, AboutYou, EmptyFiller, HardSell, RulesetPhrase,
    ];

    private static readonly FrozenDictionary<string, DiagnosticDescriptor> ByCode =
        All.ToFrozenDictionary(d => d.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>Syntax and file errors (VML0001–VML0005): spec §7 says no <c>allow</c> suppresses them.</summary>
    public static bool CannotBeAllowed(string code) =>
        code.Length == 7 && code.StartsWith("VML000", StringComparison.OrdinalIgnoreCase) && code[6] is >= '1' and <= '5';

    public static bool TryGet(string code, out DiagnosticDescriptor descriptor) =>
        ByCode.TryGetValue(code, out descriptor!);
}
