namespace VmLang.Rendering;

/// <summary>Whether scripts can be spoken on this machine.</summary>
/// <param name="IsAvailable">True when espeak-ng was found and runs.</param>
/// <param name="Message">
/// Null when available; otherwise what is wrong and what to install, e.g.
/// "espeak-ng was not found on PATH; install it: sudo apt-get install espeak-ng".
/// </param>
public sealed record SpeechAvailability(bool IsAvailable, string? Message);
