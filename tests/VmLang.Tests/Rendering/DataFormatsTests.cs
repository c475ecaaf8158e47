using VmLang.Rendering;

namespace VmLang.Tests.Rendering;

public sealed class DataFormatsTests
{
    [Theory]
    [InlineData("prospects.csv", DataFormat.Csv)]
    [InlineData("dir/Prospects.CSV", DataFormat.Csv)]
    [InlineData("prospects.json", DataFormat.Json)]
    [InlineData("prospects.jsonl", DataFormat.JsonLines)]
    [InlineData("prospects.ndjson", DataFormat.JsonLines)]
    public void The_extension_names_the_format(string path, DataFormat expected)
    {
        Assert.True(DataFormats.TryResolve(path, explicitFormat: null, out var format, out var error));
        Assert.Equal(expected, format);
        Assert.Null(error);
    }

    [Fact]
    public void An_explicit_format_wins_over_the_extension()
    {
        Assert.True(DataFormats.TryResolve("export.txt", "CSV", out var format, out _));
        Assert.Equal(DataFormat.Csv, format);
        Assert.True(DataFormats.TryResolve("data.json", "ndjson", out format, out _));
        Assert.Equal(DataFormat.JsonLines, format);
    }

    [Fact]
    public void An_unknown_extension_or_format_is_an_error_that_says_what_to_do()
    {
        Assert.False(DataFormats.TryResolve("export.txt", null, out _, out var error));
        Assert.Contains(".csv, .json, .jsonl or .ndjson", error);

        Assert.False(DataFormats.TryResolve("data.csv", "xml", out _, out error));
        Assert.Contains("unknown data format 'xml'", error);
    }

    [Theory]
    [InlineData("[{\"prospect\":\"A\"}]", DataFormat.Json)]
    [InlineData("\uFEFF \r\n\t[", DataFormat.Json)]
    [InlineData("{\"prospect\":\"A\"}\n", DataFormat.JsonLines)]
    [InlineData("prospect,rep\nA,B\n", DataFormat.Csv)]
    [InlineData("", DataFormat.Csv)]
    public void Piped_data_is_told_apart_by_its_first_character(string start, DataFormat expected)
    {
        using var source = StandardInputData.Open(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(start)), format: null);
        Assert.Equal(expected, source.Format);
    }
}
