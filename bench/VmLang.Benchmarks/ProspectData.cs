using System.Text;

namespace VmLang.Benchmarks;

/// <summary>
/// Prospect rows for the spec's first_touch template, all good (every row renders), deterministic:
/// the input of the render benchmarks and of <c>gen-prospects N</c> for whole-process runs.
/// </summary>
internal static class ProspectData
{
    public const string Header = "prospect,rep,pain,outcome,when,number,referrer\n";

    public static void AppendRow(StringBuilder csv, int i) =>
        csv.Append($"Dana Reyes{i},Sam Ortiz,Your Q3 call volume outgrew the phone system,cut hold times by a third,on Thursday,(817) 224-{i % 10000:D4},{(i % 3 == 0 ? "Priya Shah" : "")}\n");

    public static byte[] Csv(int rows)
    {
        var csv = new StringBuilder(Header);
        for (var i = 0; i < rows; i++) AppendRow(csv, i);
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>Writes <paramref name="rows"/> rows to <paramref name="output"/> in 64 KB pieces, so any count streams in flat memory.</summary>
    public static void Write(Stream output, long rows)
    {
        var piece = new StringBuilder(Header);
        for (long i = 0; i < rows; i++)
        {
            AppendRow(piece, (int)(i % int.MaxValue));
            if (piece.Length < 1 << 16) continue;
            output.Write(Encoding.UTF8.GetBytes(piece.ToString()));
            piece.Clear();
        }
        output.Write(Encoding.UTF8.GetBytes(piece.ToString()));
        output.Flush();
    }
}
