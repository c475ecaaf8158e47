using VmLang.Rendering;

namespace VmLang.Tests.Rendering;

public sealed class JsonLinesDataSourceTests
{
    [Fact]
    public void A_bad_line_is_reported_with_its_row_and_line_and_later_rows_are_still_read()
    {
        var records = DataSources.ReadAll(
            """
            {"name": "Dana", "phone": "555-0100"}
            {"name": "Lee", "phone": 555-0101}
            {"name": "Kim", "phone": "555-0102"}
            """,
            DataFormat.JsonLines);

        Assert.Equal(3, records.Count);
        var error = records[1].AsError();
        Assert.Equal(2, error.Row);
        Assert.Equal(2, error.Line);
        Assert.False(error.StopsReading);
        Assert.StartsWith("invalid JSON: ", error.Message);
        Assert.Equal("Lee", error.Values["name"]);
        Assert.Equal("Kim", records[2].AsRow().Values["name"]);
        Assert.Equal(3, records[2].AsRow().Number);
    }

    [Fact]
    public void Blank_lines_are_skipped_and_not_counted_but_lines_are()
    {
        var records = DataSources.ReadAll("\n{\"name\": \"Dana\"}\n   \n\r\n{\"name\": \"Lee\"}\n\n", DataFormat.JsonLines);

        Assert.Equal([1, 2], records.Select(r => r.AsRow().Number));
        Assert.Equal([2, 5], records.Select(r => r.Line));
    }

    [Theory]
    [InlineData("[1, 2]", "is an array, not an object")]
    [InlineData("\"Dana\"", "is a string, not an object")]
    [InlineData("null", "is null, not an object")]
    [InlineData("// just a comment", "holds no JSON value, only comments")]
    public void A_line_that_is_not_an_object_is_a_rejected_row(string line, string message)
    {
        var records = DataSources.ReadAll($"{line}\n{{\"name\": \"Lee\"}}\n", DataFormat.JsonLines);

        Assert.Equal(message, records[0].AsError().Message);
        Assert.Equal(2, records[1].AsRow().Number);
    }

    [Fact]
    public void Two_objects_on_one_line_are_an_error()
    {
        var error = DataSources.ReadAll("{\"name\": \"Dana\"} {\"name\": \"Lee\"}\n", DataFormat.JsonLines).Single().AsError();

        Assert.Equal(1, error.Row);
        Assert.StartsWith("invalid JSON", error.Message);
    }

    [Fact]
    public void Columns_grow_as_keys_appear()
    {
        _ = DataSources.ReadAll("{\"b\": 1}\n{\"a\": 2, \"B\": 3}\n", DataFormat.JsonLines, out var columns);

        Assert.Equal(["b", "a"], columns);
    }

    [Fact]
    public void An_empty_file_has_no_rows() =>
        Assert.Empty(DataSources.ReadAll("", DataFormat.JsonLines));
}
