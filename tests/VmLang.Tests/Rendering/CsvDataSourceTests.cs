using System.Text;
using VmLang.Rendering;

namespace VmLang.Tests.Rendering;

public sealed class CsvDataSourceTests
{
    [Fact]
    public void Quoted_fields_may_hold_commas_quotes_and_newlines()
    {
        var records = DataSources.ReadAll(
            "name,note\n\"Reyes, Dana\",\"said \"\"hi\"\"\nthen left\"\nLee,plain\n",
            DataFormat.Csv,
            out var columns);

        Assert.Equal(["name", "note"], columns);
        Assert.Equal(2, records.Count);
        var first = records[0].AsRow();
        Assert.Equal(1, first.Number);
        Assert.Equal("Reyes, Dana", first.Values["name"]);
        Assert.Equal("said \"hi\"\nthen left", first.Values["note"]);
        var second = records[1].AsRow();
        Assert.Equal(2, second.Number);
        Assert.Equal(4, second.Line);
    }

    [Fact]
    public void A_byte_order_mark_is_not_part_of_the_first_column_name()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("Name,Phone\r\nDana Reyes,817-224-9900\r\n")).ToArray();

        var records = DataSources.ReadAll(bytes, DataFormat.Csv, out var columns);

        Assert.Equal(["Name", "Phone"], columns);
        Assert.Equal("Dana Reyes", records.Single().AsRow().Values["name"]);
    }

    [Fact]
    public void Columns_are_looked_up_case_insensitively()
    {
        var row = DataSources.ReadAll("First_Name,PHONE\nDana,555\n", DataFormat.Csv).Single().AsRow();

        Assert.Equal("Dana", row.Values["first_name"]);
        Assert.Equal("555", row.Values["Phone"]);
        Assert.False(row.Values.ContainsKey("email"));
    }

    [Fact]
    public void Header_names_are_trimmed_and_blank_header_cells_name_no_column()
    {
        var records = DataSources.ReadAll(" name , phone ,,\nDana,555,,\n", DataFormat.Csv, out var columns);

        Assert.Equal(["name", "phone"], columns);
        Assert.Equal(2, records.Single().AsRow().Values.Count);
    }

    [Fact]
    public void A_ragged_row_is_rejected_with_its_row_number_and_later_rows_are_still_read()
    {
        var records = DataSources.ReadAll("name,phone,company\nDana,555,Acme\nLee,556\nKim,557,Initech,extra\nAsh,558,Globex\n", DataFormat.Csv);

        Assert.Equal(4, records.Count);
        var short_ = records[1].AsError();
        Assert.Equal(2, short_.Row);
        Assert.Equal(3, short_.Line);
        Assert.False(short_.StopsReading);
        Assert.Equal("has 2 fields but the header has 3", short_.Message);
        Assert.Equal("Lee", short_.Values["name"]);
        Assert.Equal("has 4 fields but the header has 3", records[2].AsError().Message);
        Assert.Equal(4, records[3].AsRow().Number);
    }

    [Fact]
    public void Blank_lines_are_skipped_and_not_counted_as_rows()
    {
        var records = DataSources.ReadAll("name\n\nDana\n\n\nLee\n", DataFormat.Csv);

        Assert.Equal([1, 2], records.Select(r => r.AsRow().Number));
        Assert.Equal([3, 6], records.Select(r => r.Line));
    }

    [Fact]
    public void The_line_of_a_row_is_where_it_starts_even_after_multi_line_fields()
    {
        var records = DataSources.ReadAll("name,note\r\nDana,\"one\r\ntwo\r\nthree\"\r\nLee,x,y\r\n", DataFormat.Csv);

        Assert.Equal(2, records[0].Line);
        var ragged = records[1].AsError();
        Assert.Equal(2, ragged.Row);
        Assert.Equal(5, ragged.Line);
    }

    [Fact]
    public void A_stray_quote_rejects_that_row_only()
    {
        var records = DataSources.ReadAll("name,phone\nDa\"na,555\nLee,556\n", DataFormat.Csv);

        var error = records[0].AsError();
        Assert.Equal(1, error.Row);
        Assert.Contains("malformed quoting", error.Message);
        Assert.False(error.StopsReading);
        Assert.Equal("Lee", records[1].AsRow().Values["name"]);
    }

    [Fact]
    public void A_column_named_twice_makes_the_input_unreadable()
    {
        var error = DataSources.ReadAll("name,Phone,phone\nDana,1,2\n", DataFormat.Csv).Single().AsError();

        Assert.Null(error.Row);
        Assert.True(error.StopsReading);
        Assert.Contains("'phone' twice (fields 2 and 3)", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("name,phone\n")]
    public void An_empty_file_or_a_header_alone_has_no_rows(string text) =>
        Assert.Empty(DataSources.ReadAll(text, DataFormat.Csv));

    [Fact]
    public void Empty_fields_are_empty_strings()
    {
        var row = DataSources.ReadAll("name,phone\nDana,\n", DataFormat.Csv).Single().AsRow();

        Assert.Equal("", row.Values["phone"]);
    }

    [Fact]
    public void A_source_can_be_read_only_once()
    {
        using var source = DataSource.Create(new MemoryStream("a\n1\n"u8.ToArray()), DataFormat.Csv);
        _ = source.ReadRecords().ToList();

        Assert.Throws<InvalidOperationException>(() => source.ReadRecords());
    }

    [Fact]
    public void Progress_can_follow_the_bytes_read()
    {
        var bytes = "name\nDana\nLee\n"u8.ToArray();
        using var source = DataSource.Create(new MemoryStream(bytes), DataFormat.Csv);

        Assert.Equal(bytes.Length, source.InputLength);
        _ = source.ReadRecords().ToList();
        Assert.Equal(bytes.Length, source.InputPosition);
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    public void A_unicode_text_export_with_a_byte_order_mark_is_read(string encodingName)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("Name,Note\r\nZoë Reyes,\"hi, 😀\"\r\n")).ToArray();

        var row = DataSources.ReadAll(bytes, DataFormat.Csv, out var columns).Single().AsRow();

        Assert.Equal(["Name", "Note"], columns);
        Assert.Equal("Zoë Reyes", row.Values["name"]);
        Assert.Equal("hi, 😀", row.Values["note"]);
    }

    [Fact]
    public void A_row_that_is_not_utf8_is_rejected_by_name_and_later_rows_are_still_read()
    {
        // "café" saved as Latin-1: é is the single byte 0xE9.
        var bytes = "name,note\nLee,fine\nDana,caf"u8.ToArray().Concat(new byte[] { 0xE9 }).Concat("\nKim,ok\n"u8.ToArray()).ToArray();

        var records = DataSources.ReadAll(bytes, DataFormat.Csv, out _);

        Assert.Equal("Lee", records[0].AsRow().Values["name"]);
        var error = records[1].AsError();
        Assert.Equal((2, 3), (error.Row, error.Line));
        Assert.Equal("column 'note' is not valid UTF-8; if the file uses another encoding, name it with --data-encoding (e.g. latin1)", error.Message);
        Assert.False(error.StopsReading);
        Assert.Equal("Kim", records[2].AsRow().Values["name"]);
    }

    [Theory]
    [InlineData("'=1+1", "=1+1")]
    [InlineData("'+1 817 224 9900", "+1 817 224 9900")]
    [InlineData("'-", "-")]
    [InlineData("'@cmd", "@cmd")]
    [InlineData("'tis", "'tis")]
    [InlineData("'", "'")]
    [InlineData("''=x", "''=x")]
    public void An_apostrophe_marking_a_formula_cell_as_text_is_dropped(string cell, string value)
    {
        var row = DataSources.ReadAll($"name,note\nDana,\"{cell}\"\n", DataFormat.Csv).Single().AsRow();

        Assert.Equal(value, row.Values["note"]);
    }
}
