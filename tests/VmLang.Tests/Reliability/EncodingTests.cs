using System.Text;
using VmLang.Syntax;
using VmLang.Tests.Cli;
using VmLang.Text;

namespace VmLang.Tests.Reliability;

/// <summary>
/// Issue 12, rows 10 and 18 (spec §2, §7 VML0005): a <c>.vml</c> file that is not UTF-8 is one VML0005 at
/// its first bad byte, a UTF-16/32 file one VML0005 naming its byte-order mark, and <c>fmt</c> leaves both
/// byte for byte as they were. Before, the bytes were decoded as U+FFFD without a word, and <c>fmt</c>
/// wrote the replacement characters back (exit 0): "café" became "caf�".
/// </summary>
public class EncodingTests
{
    private static readonly string Template = File.ReadAllText(TestPaths.Example("front_desk.vml"));

    [Fact]
    public void A_latin1_file_is_one_VML0005_at_its_first_bad_byte()
    {
        var text = "// Café\n" + Template;
        var tree = SyntaxTree.Parse(SourceDecoder.Decode(Encoding.Latin1.GetBytes(text)), "latin1.vml");
        var error = Assert.Single(Compilation.Create([tree]).GetDiagnostics());
        Assert.Equal("VML0005", error.Code);
        Assert.Equal((0, 6), (error.Location.LineSpan.Start.Line, error.Location.LineSpan.Start.Character));
        Assert.Equal("The file is not valid UTF-8: byte 0xE9 at byte offset 6 is not part of a UTF-8 character; save it as UTF-8.", error.Message);
    }

    [Theory]
    [InlineData("utf-16", "UTF-16 LE")]
    [InlineData("utf-16BE", "UTF-16 BE")]
    [InlineData("utf-32", "UTF-32 LE")]
    public void A_file_with_a_utf16_or_utf32_mark_is_one_diagnostic_naming_the_encoding(string encodingName, string named)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var bytes = (byte[])[.. encoding.GetPreamble(), .. encoding.GetBytes(Template)];
        using var workspace = new TempFolder();
        var root = workspace.Path;
        File.WriteAllBytes(Path.Combine(root, "wide.vml"), bytes);

        var result = CliRunner.Run("check", root);

        Assert.Equal(1, result.ExitCode);
        Assert.EndsWith($"/wide.vml(1,1): error VML0005: The file is not valid UTF-8: it starts with a {named} byte-order mark; save it as UTF-8.", Line(result.Stdout));
    }

    [Fact]
    public void Fmt_leaves_a_latin1_file_byte_for_byte()
    {
        using var workspace = new TempFolder();
        var root = workspace.Path;
        var path = Path.Combine(root, "latin1.vml");
        // Badly laid out, so fmt would rewrite it if it could.
        var bytes = Encoding.Latin1.GetBytes("template   caf for voicemail {\n say \"\"\"\n  Caf\u00e9\n  \"\"\"\n}\n");
        File.WriteAllBytes(path, bytes);

        var result = CliRunner.Run("fmt", root);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(bytes, File.ReadAllBytes(path));
        Assert.Contains("latin1.vml: not formatted", result.Stderr);
        Assert.Contains("error VML0005", CliRunner.Run("check", root).Stdout);
    }

    [Fact]
    public void A_utf8_file_with_a_bom_has_no_VML0005()
    {
        var bytes = (byte[])[0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("// Café\n" + Template)];
        var tree = SyntaxTree.Parse(SourceDecoder.Decode(bytes), "bom.vml");
        Assert.Empty(Compilation.Create([tree]).GetDiagnostics());
        Assert.True(tree.Text.HasByteOrderMark);
    }

    [Fact]
    public void An_edit_in_the_editor_drops_the_VML0005_of_the_bytes_on_disk()
    {
        var onDisk = SyntaxTree.Parse(SourceDecoder.Decode(Encoding.Latin1.GetBytes(Template + "// Café\n")), "f.vml");
        Assert.Contains(onDisk.Diagnostics, d => d.Code == "VML0005");
        var edited = onDisk.WithChangedText(new SourceText(Template + "// Cafe\n"));
        Assert.DoesNotContain(edited.Diagnostics, d => d.Code == "VML0005");
    }

    private static string Line(string output) => Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
}
