using System.Text;
using VmLang.Rendering;

namespace VmLang.Tests.Rendering;

public sealed class CsvDataSourceTests
{
    [Fact]
    public void QuotedFieldsMayHoldCommasQuotesAndNewlines()
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
    public void AByteOrderMarkIsNotPartOfTheFirstColumnName()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("Name,Phone\r\nDana Reyes,817-224-9900\r\n")).ToArray();

        var records = DataSources.ReadAll(bytes, DataFormat.Csv, out var columns);

        Assert.Equal(["Name", "Phone"], columns);
        Assert.Equal("Dana Reyes", records.Single().AsRow().Values["name"]);
    }

    [Fact]
    public void ColumnsAreLookedUpCaseInsensitively()
    {
        var row = DataSources.ReadAll("First_Name,PHONE\nDana,555\n", DataFormat.Csv).Single().AsRow();

        Assert.Equal("Dana", row.Values["first_name"]);
        Assert.Equal("555", row.Values["Phone"]);
        Assert.False(row.Values.ContainsKey("email"));
    }

    [Fact]
    public void HeaderNamesAreTrimmedAndBlankHeaderCellsNameNoColumn()
    {
        var records = DataSources.ReadAll(" name , phone ,,\nDana,555,,\n", DataFormat.Csv, out var columns);

        Assert.Equal(["name", "phone"], columns);
        Assert.Equal(2, records.Single().AsRow().Values.Count);
    }

    [Fact]
    public void ARaggedRowIsRejectedWithItsRowNumberAndLaterRowsAreStillRead()
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
    public void BlankLinesAreSkippedAndNotCountedAsRows()
    {
        var records = DataSources.ReadAll("name\n\nDana\n\n\nLee\n", DataFormat.Csv);

        Assert.Equal([1, 2], records.Select(r => r.AsRow().Number));
        Assert.Equal([3, 6], records.Select(r => r.Line));
    }

    [Fact]
    public void TheLineOfARowIsWhereItStartsEvenAfterMultiLineFields()
    {
        var records = DataSources.ReadAll("name,note\r\nDana,\"one\r\ntwo\r\nthree\"\r\nLee,x,y\r\n", DataFormat.Csv);

        Assert.Equal(2, records[0].Line);
        var ragged = records[1].AsError();
        Assert.Equal(2, ragged.Row);
        Assert.Equal(5, ragged.Line);
    }

    [Fact]
    public void AStrayQuoteRejectsThatRowOnly()
    {
        var records = DataSources.ReadAll("name,phone\nDa\"na,555\nLee,556\n", DataFormat.Csv);

        var error = records[0].AsError();
        Assert.Equal(1, error.Row);
        Assert.Contains("malformed quoting", error.Message);
        Assert.False(error.StopsReading);
        Assert.Equal("Lee", records[1].AsRow().Values["name"]);
    }

    [Fact]
    public void AColumnNamedTwiceMakesTheInputUnreadable()
    {
        var error = DataSources.ReadAll("name,Phone,phone\nDana,1,2\n", DataFormat.Csv).Single().AsError();

        Assert.Null(error.Row);
        Assert.True(error.StopsReading);
        Assert.Contains("'phone' twice (fields 2 and 3)", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("name,phone\n")]
    public void AnEmptyFileOrAHeaderAloneHasNoRows(string text) =>
        Assert.Empty(DataSources.ReadAll(text, DataFormat.Csv));

    [Fact]
    public void EmptyFieldsAreEmptyStrings()
    {
        var row = DataSources.ReadAll("name,phone\nDana,\n", DataFormat.Csv).Single().AsRow();

        Assert.Equal("", row.Values["phone"]);
    }

    [Fact]
    public void ASourceCanBeReadOnlyOnce()
    {
        using var source = DataSource.Create(new MemoryStream("a\n1\n"u8.ToArray()), DataFormat.Csv);
        _ = source.ReadRecords().ToList();

        Assert.Throws<InvalidOperationException>(() => source.ReadRecords());
    }

    [Fact]
    public void ProgressCanFollowTheBytesRead()
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
    public void AUnicodeTextExportWithAByteOrderMarkIsRead(string encodingName)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("Name,Note\r\nZoë Reyes,\"hi, 😀\"\r\n")).ToArray();

        var row = DataSources.ReadAll(bytes, DataFormat.Csv, out var columns).Single().AsRow();

        Assert.Equal(["Name", "Note"], columns);
        Assert.Equal("Zoë Reyes", row.Values["name"]);
        Assert.Equal("hi, 😀", row.Values["note"]);
    }

    [Fact]
    public void ARowThatIsNotUtf8IsRejectedByNameAndLaterRowsAreStillRead()
    {
        // "café" saved as Latin-1: é is the single byte 0xE9.
        var bytes = "name,note\nLee,fine\nDana,caf"u8.ToArray().Concat(new byte[] { 0xE9 }).Concat("\nKim,ok\n"u8.ToArray()).ToArray();

        var records = DataSources.ReadAll(bytes, DataFormat.Csv, out _);

        Assert.Equal("Lee", records[0].AsRow().Values["name"]);
        var error = records[1].AsError();
        Assert.Equal((2, 3), (error.Row, error.Line));
        Assert.Equal("column 'note' is not valid UTF-8; save the data as UTF-8", error.Message);
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
    public void AnApostropheMarkingAFormulaCellAsTextIsDropped(string cell, string value)
    {
        var row = DataSources.ReadAll($"name,note\nDana,\"{cell}\"\n", DataFormat.Csv).Single().AsRow();

        Assert.Equal(value, row.Values["note"]);
    }
}
