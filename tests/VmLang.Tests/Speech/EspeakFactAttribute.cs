using VmLang.Rendering;

namespace VmLang.Tests.Speech;

/// <summary>
/// A fact that needs espeak-ng: skipped, with the install command as the visible reason, on a
/// machine without it (xunit 2 has no skipping from inside a test). <c>.ci/run</c> installs it.
/// </summary>
public sealed class EspeakFactAttribute : FactAttribute
{
    private static readonly Lazy<SpeechAvailability> Availability = new(EspeakSynthesizer.CheckAvailable);

    public EspeakFactAttribute()
    {
        if (!Availability.Value.IsAvailable)
        {
            Skip = Availability.Value.Message;
        }
    }
}
