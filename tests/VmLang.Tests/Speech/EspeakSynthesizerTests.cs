using System.Buffers.Binary;
using VmLang.Rendering;

namespace VmLang.Tests.Speech;

public sealed class EspeakSynthesizerTests
{
    private const string Ssml = "<speak>Hi Dana.<break time=\"500ms\"/>This is Sam from Acme.</speak>\n";

    [Fact]
    public void Without_espeak_ng_on_the_path_it_is_unavailable_and_says_what_to_install()
    {
        using var empty = new TempFolder();

        var availability = EspeakSynthesizer.CheckAvailable(empty.Path);

        Assert.False(availability.IsAvailable);
        Assert.Contains("espeak-ng was not found", availability.Message);
        Assert.Contains("install espeak-ng", availability.Message);
    }

    [EspeakFact]
    public void It_is_available_where_espeak_ng_is_installed()
    {
        var availability = EspeakSynthesizer.CheckAvailable();

        Assert.True(availability.IsAvailable, availability.Message);
        Assert.Null(availability.Message);
    }

    [EspeakFact]
    public void Speaking_ssml_gives_a_complete_wav_and_its_duration()
    {
        var speech = EspeakSynthesizer.Synthesize(Ssml, new SpeechOptions(150));

        Assert.Equal("RIFF"u8.ToArray(), speech.Wav[..4]);
        Assert.Equal((uint)(speech.Wav.Length - 8), BinaryPrimitives.ReadUInt32LittleEndian(speech.Wav.AsSpan(4)));
        // Nine words at 150 per minute and a half-second break.
        Assert.InRange(speech.Seconds, 2.0, 6.0);
    }

    [EspeakFact]
    public void A_slower_rate_speaks_longer()
    {
        var normal = EspeakSynthesizer.Synthesize(Ssml, new SpeechOptions(150));
        var slow = EspeakSynthesizer.Synthesize(Ssml, new SpeechOptions(100));

        Assert.True(slow.Seconds > normal.Seconds * 1.3, $"{slow.Seconds} s at 100 wpm, {normal.Seconds} s at 150");
    }

    [EspeakFact]
    public void A_voice_passes_through_and_an_unknown_one_is_espeak_ngs_own_error()
    {
        var american = EspeakSynthesizer.Synthesize(Ssml, new SpeechOptions(150, "en-us"));
        Assert.True(american.Seconds > 0);

        var error = Assert.Throws<SpeechSynthesisException>(() => EspeakSynthesizer.Synthesize(Ssml, new SpeechOptions(150, "nosuchvoice")));
        Assert.Contains("voice does not exist", error.Message);
        Assert.False(error.IsUnavailable);
    }

    [EspeakFact]
    public void Markup_in_the_ssml_is_not_spoken_as_words()
    {
        var plain = EspeakSynthesizer.Synthesize("<speak>Hi Dana.</speak>", new SpeechOptions(150));
        var sameWithMarkup = EspeakSynthesizer.Synthesize("<speak><say-as interpret-as=\"characters\"></say-as>Hi Dana.</speak>", new SpeechOptions(150));

        Assert.Equal(plain.Seconds, sameWithMarkup.Seconds, 1);
    }

    [EspeakFact]
    public void A_cancelled_synthesis_stops()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => EspeakSynthesizer.Synthesize(Ssml, new SpeechOptions(150), cancelled.Token));
    }
}
