using System.Collections.Frozen;
using static VmLang.Diagnostics.DiagnosticSeverity;

namespace VmLang.Diagnostics;

/// <summary>
/// The single source of every diagnostic code, its default severity, title and message.
/// Docs (docs/diagnostics), the config schema and SARIF rule metadata are checked against this table by tests.
/// </summary>
public static class DiagnosticDescriptors
{
    // Syntax
    public static readonly DiagnosticDescriptor SyntaxError = new("VML0001", Error, "Syntax error", "Expected {0} but found {1}.");
    public static readonly DiagnosticDescriptor Unterminated = new("VML0002", Error, "Unterminated string or block", "Unterminated {0}: {1}.");
    public static readonly DiagnosticDescriptor CharacterNotAllowed = new("VML0003", Error, "Character not allowed here", "The character {0} is not allowed here.");
    public static readonly DiagnosticDescriptor NestedTooDeeply = new("VML0004", Error, "Nested too deeply", "Nested too deeply: {0}; the compiler does not look deeper.");
    public static readonly DiagnosticDescriptor NotUtf8 = new("VML0005", Error, "File is not UTF-8", "The file is not valid UTF-8: {0}; save it as UTF-8.");

    // Binding
    public static readonly DiagnosticDescriptor DuplicateName = new("VML0101", Error, "Duplicate name", "The name '{0}' is declared more than once in the workspace (also at {1}).");
    public static readonly DiagnosticDescriptor DuplicateSlot = new("VML0102", Error, "Duplicate slot", "Template '{1}' already declares a slot named '{0}'.");
    public static readonly DiagnosticDescriptor UndeclaredSlot = new("VML0103", Error, "Unknown slot in hole", "Template '{1}' declares no slot named '{0}'.");
    public static readonly DiagnosticDescriptor UnknownRuleset = new("VML0104", Error, "Unknown ruleset", "There is no ruleset named '{0}' in the workspace.");
    public static readonly DiagnosticDescriptor UnknownRole = new("VML0105", Error, "Unknown role", "Unknown role '{0}'; the roles are {1}.");
    public static readonly DiagnosticDescriptor UnknownFilterOrMember = new("VML0106", Error, "Unknown filter or member", "Unknown {0} '{1}'; expected {2}.");
    public static readonly DiagnosticDescriptor SayCount = new("VML0107", Error, "Missing or extra say", "Template '{0}' must have exactly one 'say' block; {1}.");
    public static readonly DiagnosticDescriptor InvalidSequence = new("VML0108", Error, "Bad sequence step", "Sequence '{0}': {1}.");
    public static readonly DiagnosticDescriptor UnbalancedIf = new("VML0109", Error, "Unbalanced if/else/end", "{0}.");
    public static readonly DiagnosticDescriptor UnknownAllowCode = new("VML0110", Warning, "Allow names unknown code", "'{0}' is not a VmLang diagnostic code, so this allow has no effect.");
    public static readonly DiagnosticDescriptor UnusedAllow = new("VML0111", Info, "Allow suppresses nothing", "'allow {0}' suppresses nothing in template '{1}'; remove it.");

    // Completeness of the message
    public static readonly DiagnosticDescriptor MissingRole = new("VML0201", Error, "Missing required role", "Template '{0}' has no '{1}' slot: a {2} message needs {3}.");
    public static readonly DiagnosticDescriptor RequiredSlotNotSaid = new("VML0202", Error, "Required slot not said", "Slot '{0}' ({1}) is required but {2}.");
    public static readonly DiagnosticDescriptor OptionalSlotNotSaid = new("VML0203", Info, "Optional slot never said", "Optional slot '{0}' is never said.");
    public static readonly DiagnosticDescriptor TooLong = new("VML0204", Warning, "Message too long", "Estimated spoken length is {0} s, over the budget of {1} s; the machine cuts long messages off and people skip them.");
    public static readonly DiagnosticDescriptor ProspectNotFirst = new("VML0205", Info, "Prospect not named first", "Say the prospect's name ('{0}') in the first sentence.");
    public static readonly DiagnosticDescriptor GatekeeperPitch = new("VML0206", Warning, "Pitching the gatekeeper", "A gatekeeper message says the {0} slot '{1}'; don't pitch the gatekeeper, ask for voicemail instead.");
    public static readonly DiagnosticDescriptor IfYouCouldWithoutPromise = new("VML0207", Warning, "\"If you could\" without promise", "\"If you could\" asks for something without a promise in the same sentence (\"I will\", \"I'll\", \"we will\", \"we'll\").");
    public static readonly DiagnosticDescriptor StepsTooClose = new("VML0208", Warning, "Voicemails too close together", "Voicemail steps on day {0} and day {1} are less than 2 days apart; calls that close read as stalking.");

    // Workspace configuration
    public static readonly DiagnosticDescriptor InvalidConfig = new("VML0301", Error, "Invalid vmlang.json", "vmlang.json: {0}.");

    // Phrasing
    public static readonly DiagnosticDescriptor DeceptiveHook = new("VML1001", Error, "Deceptive hook", "Deceptive hook \"{0}\": say who you are and your company instead.");
    public static readonly DiagnosticDescriptor BeggingForCallback = new("VML1002", Warning, "Begging for a callback", "\"{0}\" begs for a callback; give a reason instead: \"if this is of interest, you can reach me at …\".");
    public static readonly DiagnosticDescriptor AboutYou = new("VML1003", Warning, "About you, not them", "\"{0}\" is about what you want; say what is in it for them.");
    public static readonly DiagnosticDescriptor EmptyFiller = new("VML1004", Warning, "Empty filler", "\"{0}\" is filler; say why the call matters to them.");
    public static readonly DiagnosticDescriptor HardSell = new("VML1005", Warning, "Hard sell", "\"{0}\" is a hard sell; a voicemail earns a callback, it does not close.");
    public static readonly DiagnosticDescriptor RulesetPhrase = new("VML1100", Warning, "Ruleset phrase matched", "{0}");

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
