using System.Buffers.Binary;

namespace VmLang.Rendering;

/// <summary>
/// Reads the duration of a RIFF/WAVE file from its header, and repairs the chunk sizes that a
/// writer streaming to a pipe cannot know: espeak-ng's <c>--stdout</c> writes a placeholder
/// (0x7FFFF000) for the RIFF and data sizes. So no sox or other tool is needed at run time.
/// </summary>
internal static class WaveFile
{
    private const int RiffHeaderLength = 12;
    private const int ChunkHeaderLength = 8;

    /// <summary>
    /// <paramref name="wav"/> with the RIFF and data sizes set to what is actually there, and
    /// its duration in seconds. Throws <see cref="FormatException"/> for anything that is not
    /// a PCM-style WAVE file with a format and a data chunk.
    /// </summary>
    public static (byte[] Wav, double Seconds) Repair(byte[] wav)
    {
        if (wav.Length < RiffHeaderLength
            || !wav.AsSpan(0, 4).SequenceEqual("RIFF"u8)
            || !wav.AsSpan(8, 4).SequenceEqual("WAVE"u8))
        {
            throw new FormatException("The audio is not a RIFF/WAVE file.");
        }

        var byteRate = 0;
        var offset = RiffHeaderLength;
        while (offset + ChunkHeaderLength <= wav.Length)
        {
            var id = wav.AsSpan(offset, 4);
            var declared = BinaryPrimitives.ReadUInt32LittleEndian(wav.AsSpan(offset + 4, 4));
            var bodyStart = offset + ChunkHeaderLength;
            var available = wav.Length - bodyStart;
            if (id.SequenceEqual("fmt "u8))
            {
                if (declared < 16 || declared > available)
                {
                    throw new FormatException("The WAVE format chunk is truncated.");
                }

                // fmt: format tag, channels, sample rate, byte rate (bytes of audio per second), …
                byteRate = BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(bodyStart + 8, 4));
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (byteRate <= 0)
                {
                    throw new FormatException("The WAVE data chunk comes before a valid format chunk.");
                }

                // A streamed file's data chunk runs to the end of the file, whatever its header says.
                var dataLength = (int)Math.Min(declared, (uint)available);
                var repaired = wav.Length == bodyStart + dataLength ? wav : wav[..(bodyStart + dataLength)];
                BinaryPrimitives.WriteUInt32LittleEndian(repaired.AsSpan(offset + 4, 4), (uint)dataLength);
                BinaryPrimitives.WriteUInt32LittleEndian(repaired.AsSpan(4, 4), (uint)(repaired.Length - 8));
                return (repaired, (double)dataLength / byteRate);
            }

            // Chunks are padded to an even length.
            var next = (long)bodyStart + declared + (declared & 1);
            if (next > wav.Length)
            {
                break;
            }

            offset = (int)next;
        }

        throw new FormatException("The WAVE file has no data chunk.");
    }
}
