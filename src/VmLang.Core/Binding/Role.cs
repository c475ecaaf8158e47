using System.Collections.Frozen;

namespace VmLang.Binding;

public enum Channel
{
    Voicemail,
    Gatekeeper,
}

/// <summary>One row of the role table (spec §5): what a slot's value is, and whether a message must say it.</summary>
public sealed record Role(
    string Name,
    string Description,
    bool RequiredInVoicemail,
    bool RequiredInGatekeeper,
    int EstimatedWords,
    string Purpose)
{
    public bool IsRequiredIn(Channel channel) => channel == Channel.Voicemail ? RequiredInVoicemail : RequiredInGatekeeper;

    public static readonly Role Prospect = new("prospect", "the person called, a full name", true, true, 2, "the prospect's name, so they know the message is for them");
    public static readonly Role Caller = new("caller", "the rep leaving the message", true, true, 2, "the caller's name: say who you are, never hook with a mystery");
    public static readonly Role Company = new("company", "the rep's company", true, true, 2, "the caller's company, so the prospect knows who is calling");
    public static readonly Role Reason = new("reason", "why you call, in their terms", true, false, 10, "a reason for the call that is about them, not you");
    public static readonly Role Benefit = new("benefit", "what they gain", true, false, 10, "a benefit: what pain you fix for them");
    public static readonly Role Callback = new("callback", "when you will call again", true, false, 4, "when you will call again, so they can expect it");
    public static readonly Role Contact = new("contact", "phone number to reach you", true, true, 10, "a number to reach you if it is of interest");
    public static readonly Role Text = new("text", "anything else", false, false, 3, "free text");

    public static IReadOnlyList<Role> All { get; } = [Prospect, Caller, Company, Reason, Benefit, Callback, Contact, Text];

    /// <summary>"prospect, caller, …, text", for messages.</summary>
    public static string NameList { get; } = string.Join(", ", All.Select(r => r.Name));

    private static readonly FrozenDictionary<string, Role> ByName = All.ToFrozenDictionary(r => r.Name, StringComparer.Ordinal);

    public static Role? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>Estimated words when the value is reduced to one word by <c>first</c>/<c>last</c>.</summary>
    public const int SingleWordEstimate = 1;
}
