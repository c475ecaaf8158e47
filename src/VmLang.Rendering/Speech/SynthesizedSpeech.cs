namespace VmLang.Rendering;

/// <summary>One script spoken aloud.</summary>
/// <param name="Wav">A complete RIFF/WAVE file (PCM, with correct chunk sizes), ready to save or play.</param>
/// <param name="Seconds">Its duration, read from the WAV header: audio bytes ÷ bytes per second.</param>
public sealed record SynthesizedSpeech(byte[] Wav, double Seconds);
