using System.Buffers.Binary;
using VmLang.Rendering;

namespace VmLang.Tests.Speech;

public sealed class WaveFileTests
{
    [Fact]
    public void A_streamed_header_gets_the_real_sizes_and_the_duration_follows_the_byte_rate()
    {
        // What espeak-ng --stdout writes: placeholder sizes, 22,050 Hz mono 16-bit (44,100 bytes/s).
        var wav = Wave(declaredSize: 0x7FFFF000, audioBytes: 44_100 * 2);

        var (repaired, seconds) = WaveFile.Repair(wav);

        Assert.Equal(2.0, seconds, 6);
        Assert.Equal((uint)(repaired.Length - 8), BinaryPrimitives.ReadUInt32LittleEndian(repaired.AsSpan(4)));
        Assert.Equal(44_100u * 2, BinaryPrimitives.ReadUInt32LittleEndian(repaired.AsSpan(40)));
    }

    [Fact]
    public void Bytes_after_the_declared_data_are_dropped()
    {
        var wav = Wave(declaredSize: 44_100, audioBytes: 50_000);

        var (repaired, seconds) = WaveFile.Repair(wav);

        Assert.Equal(1.0, seconds, 6);
        Assert.Equal(44 + 44_100, repaired.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("RIFF....WAVE")]
    [InlineData("not a wave file at all, just text")]
    public void Anything_but_a_wave_file_with_data_is_a_format_error(string text) =>
        Assert.Throws<FormatException>(() => WaveFile.Repair(System.Text.Encoding.ASCII.GetBytes(text)));

    private static byte[] Wave(uint declaredSize, int audioBytes)
    {
        var wav = new byte[44 + audioBytes];
        "RIFF"u8.CopyTo(wav);
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(4), declaredSize);
        "WAVEfmt "u8.CopyTo(wav.AsSpan(8));
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(16), 16);
        BinaryPrimitives.WriteUInt16LittleEndian(wav.AsSpan(20), 1); // PCM
        BinaryPrimitives.WriteUInt16LittleEndian(wav.AsSpan(22), 1); // mono
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(24), 22_050);
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(28), 44_100);
        BinaryPrimitives.WriteUInt16LittleEndian(wav.AsSpan(32), 2);
        BinaryPrimitives.WriteUInt16LittleEndian(wav.AsSpan(34), 16);
        "data"u8.CopyTo(wav.AsSpan(36));
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(40), declaredSize);
        return wav;
    }
}
