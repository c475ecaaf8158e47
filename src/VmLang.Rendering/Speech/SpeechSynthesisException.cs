namespace VmLang.Rendering;

/// <summary>
/// espeak-ng is missing (<see cref="IsUnavailable"/>), failed, or wrote no usable audio. The
/// message is written for the user: it names the package to install or espeak-ng's own error.
/// </summary>
public sealed class SpeechSynthesisException(string message, bool isUnavailable = false) : Exception(message)
{
    /// <summary>True when espeak-ng is not installed or does not run at all (the fix is to install it).</summary>
    public bool IsUnavailable { get; } = isUnavailable;
}
