using System.Text;
using VmLang.Rendering;

namespace VmLang.Tests.Reliability;

/// <summary>
/// Issue 12, item 3 (data): a data row that is not UTF-8 is rejected with a message naming the row,
/// never rendered with U+FFFD in place of the prospect's letters; a named encoding reads it.
/// </summary>
public class DataEncodingTests
{
    private static readonly byte[] Latin1Lines = Encoding.Latin1.GetBytes("{\"prospect\":\"Dana Reyes\"}\n{\"prospect\":\"José García\"}\n{\"prospect\":\"Ann Lee\"}\n");

    [Fact]
    public void A_json_lines_row_that_is_not_utf8_is_rejected_by_row_and_the_others_are_read()
    {
        using var source = DataSource.Create(new MemoryStream(Latin1Lines), DataFormat.JsonLines);
        var records = source.ReadRecords().ToList();

        Assert.Equal(3, records.Count);
        var error = Assert.IsType<DataError>(records[1]);
        Assert.Equal(2, error.Row);
        Assert.Equal(2, error.Line);
        Assert.False(error.StopsReading);
        Assert.Contains("not valid UTF-8", error.Message);
        Assert.Equal("Ann Lee", Assert.IsType<DataRow>(records[2]).Values["prospect"]);
    }

    [Fact]
    public void A_named_encoding_reads_the_same_rows()
    {
        Assert.True(DataEncoding.TryParse("latin1", out var latin1));
        using var source = DataSource.Create(new MemoryStream(Latin1Lines), DataFormat.JsonLines, encoding: latin1);
        var rows = source.ReadRecords().Select(r => Assert.IsType<DataRow>(r).Values["prospect"]).ToList();
        Assert.Equal(["Dana Reyes", "José García", "Ann Lee"], rows);
    }

    [Fact]
    public void A_json_array_that_is_not_utf8_names_the_row()
    {
        var bytes = Encoding.Latin1.GetBytes("[{\"prospect\":\"Dana Reyes\"},\n{\"prospect\":\"José García\"}]");
        using var source = DataSource.Create(new MemoryStream(bytes), DataFormat.Json);
        var records = source.ReadRecords().ToList();

        Assert.IsType<DataRow>(records[0]);
        var error = Assert.IsType<DataError>(records[1]);
        Assert.Equal(2, error.Row);
    }

    [Fact]
    public void A_utf8_file_with_U_FFFD_in_it_is_read_as_it_is()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"prospect\":\"Dana \uFFFD Reyes\"}\n");
        using var source = DataSource.Create(new MemoryStream(bytes), DataFormat.JsonLines);
        Assert.Equal("Dana \uFFFD Reyes", Assert.IsType<DataRow>(Assert.Single(source.ReadRecords())).Values["prospect"]);
    }
}
