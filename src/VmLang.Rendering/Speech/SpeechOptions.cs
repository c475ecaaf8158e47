namespace VmLang.Rendering;

/// <summary>How <see cref="EspeakSynthesizer"/> speaks a script.</summary>
/// <param name="WordsPerMinute">The speaking rate, the workspace's <c>wordsPerMinute</c>; espeak-ng's <c>-s</c>.</param>
/// <param name="Voice">An espeak-ng voice name (<c>-v</c>, e.g. <c>en-us</c>); null for espeak-ng's default.</param>
public sealed record SpeechOptions(int WordsPerMinute, string? Voice = null);
