using System.Text;
using VmLang.Rendering;

namespace VmLang.Tests.Rendering;

public sealed class RejectsCsvWriterTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public void Rejected_rows_round_trip_through_the_csv_reader_with_a_reason_column()
    {
        const string data = "Name,Phone,Note\n\"Reyes, Dana\",555,\"said \"\"hi\"\"\nthen left\"\nLee,5550100,fine\nKim,55,\"Zoë, 😀\"\n";
        var rejectsPath = _temp.Combine("rejects.csv");

        using (var source = DataSource.Create(new MemoryStream(Encoding.UTF8.GetBytes(data)), DataFormat.Csv))
        using (var rejects = new RejectsCsvWriter(rejectsPath, source.Columns))
        {
            foreach (var row in source.ReadRecords().Cast<DataRow>())
            {
                if (row.Number != 2)
                {
                    rejects.Write(row.Values, $"row {row.Number}: contact \"{row.Values["phone"]}\" has fewer than 7 digits, see\nVML docs");
                }
            }

            Assert.Equal(2, rejects.Count);
            rejects.Complete();
        }

        Assert.Equal(["rejects.csv"], _temp.AllFiles());
        var records = DataSources.ReadAll(File.ReadAllBytes(rejectsPath), DataFormat.Csv, out var columns);
        Assert.Equal(["Name", "Phone", "Note", "reason"], columns);
        Assert.Equal(2, records.Count);
        var dana = records[0].AsRow();
        Assert.Equal("Reyes, Dana", dana.Values["name"]);
        Assert.Equal("said \"hi\"\nthen left", dana.Values["note"]);
        Assert.Equal("row 1: contact \"555\" has fewer than 7 digits, see\nVML docs", dana.Values["reason"]);
        Assert.Equal("Zoë, 😀", records[1].AsRow().Values["note"]);
    }

    [Fact]
    public void Cells_a_spreadsheet_would_run_as_formulas_are_marked_as_text_and_read_back_as_given()
    {
        var path = _temp.Combine("rejects.csv");
        string[] columns = ["name", "phone", "note"];
        using (var rejects = new RejectsCsvWriter(path, columns))
        {
            rejects.Write(Values(("name", "=HYPERLINK(\"http://x\",\"Dana\")"), ("phone", "+1 817 224 9900"), ("note", "@SUM(A1)")), "-blank reason");
            rejects.Write(Values(("name", "Lee"), ("phone", "-5"), ("note", "plain = text")), "short contact");
            rejects.Complete();
        }

        var text = Encoding.UTF8.GetString(File.ReadAllBytes(path)[3..]);
        Assert.Equal(
            "name,phone,note,reason\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"Dana\"\")\",'+1 817 224 9900,'@SUM(A1),'-blank reason\r\nLee,'-5,plain = text,short contact\r\n",
            text);
        var rows = DataSources.ReadAll(File.ReadAllBytes(path), DataFormat.Csv, out _).Select(r => r.AsRow()).ToList();
        Assert.Equal("=HYPERLINK(\"http://x\",\"Dana\")", rows[0].Values["name"]);
        Assert.Equal("+1 817 224 9900", rows[0].Values["phone"]);
        Assert.Equal("@SUM(A1)", rows[0].Values["note"]);
        Assert.Equal("-blank reason", rows[0].Values["reason"]);
        Assert.Equal("-5", rows[1].Values["phone"]);
    }

    [Fact]
    public void The_file_starts_with_a_byte_order_mark_for_spreadsheets()
    {
        var path = _temp.Combine("rejects.csv");
        using (var rejects = new RejectsCsvWriter(path, ["name"]))
        {
            rejects.Write(Values(("name", "Zoë")), "blank prospect");
            rejects.Complete();
        }

        var bytes = File.ReadAllBytes(path);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("name,reason\r\nZoë,blank prospect\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public void A_data_column_named_reason_is_not_overwritten()
    {
        Assert.Equal("reason", RejectsCsvWriter.ReasonColumnFor(["name"]));
        Assert.Equal("reject_reason", RejectsCsvWriter.ReasonColumnFor(["name", "Reason"]));
        Assert.Equal("reject_reason_3", RejectsCsvWriter.ReasonColumnFor(["reason", "reject_reason", "REJECT_REASON_2"]));

        var path = _temp.Combine("rejects.csv");
        using (var rejects = new RejectsCsvWriter(path, ["reason", "name"]))
        {
            rejects.Write(Values(("reason", "cut costs"), ("name", "Dana")), "VML1001 at row 1");
            rejects.Complete();
        }

        var row = DataSources.ReadAll(File.ReadAllBytes(path), DataFormat.Csv, out var columns).Single().AsRow();
        Assert.Equal(["reason", "name", "reject_reason"], columns);
        Assert.Equal("cut costs", row.Values["reason"]);
    }

    [Fact]
    public void Columns_that_appear_after_the_first_rejected_row_are_added_to_the_header()
    {
        const string data = """
            {"name": "Dana", "phone": null}
            {"name": "Lee", "email": "lee@example.com", "phone": "5"}
            {"name": "Kim", "tags": ["a"]}
            {"name": "Ash", "reason": "data's own"}
            """;
        var path = _temp.Combine("rejects.csv");

        using (var source = DataSource.Create(new MemoryStream(Encoding.UTF8.GetBytes(data)), DataFormat.JsonLines))
        using (var rejects = new RejectsCsvWriter(path, source.Columns))
        {
            foreach (var record in source.ReadRecords())
            {
                var reason = record is DataError error ? error.Message : "blank contact";
                rejects.Write(record.Values, reason);
            }

            rejects.Complete();
        }

        Assert.Equal(["rejects.csv"], _temp.AllFiles());
        var records = DataSources.ReadAll(File.ReadAllBytes(path), DataFormat.Csv, out var columns);
        Assert.Equal(["name", "phone", "email", "tags", "reason", "reject_reason"], columns);
        Assert.Equal(["Dana", "", "", "", "", "blank contact"], Fields(records[0], columns));
        Assert.Equal(["Lee", "5", "lee@example.com", "", "", "blank contact"], Fields(records[1], columns));
        Assert.Equal("[\"a\"]", records[2].AsRow().Values["tags"]);
        Assert.StartsWith("column 'tags' holds an array", records[2].AsRow().Values["reject_reason"]);
        Assert.Equal("data's own", records[3].AsRow().Values["reason"]);
    }

    [Fact]
    public void With_no_rejected_rows_the_file_holds_the_header_and_replaces_a_stale_one()
    {
        var path = _temp.Combine("rejects.csv");
        File.WriteAllText(path, "name,reason\nDana,from the last run\n");

        using (var rejects = new RejectsCsvWriter(path, ["name", "phone"]))
        {
            rejects.Complete();
        }

        Assert.Equal("\uFEFFname,phone,reason\r\n", Encoding.UTF8.GetString(File.ReadAllBytes(path)));
    }

    [Fact]
    public void Without_complete_no_file_is_left()
    {
        var path = _temp.Combine("rejects.csv");
        using (var rejects = new RejectsCsvWriter(path, ["name"]))
        {
            rejects.Write(Values(("name", "Dana")), "blank contact");
        }

        Assert.Empty(_temp.AllFiles());
    }

    [Fact]
    public void The_summary_counts_every_row_once()
    {
        var summary = new RenderSummary();
        summary.CountRendered();
        summary.CountRendered();
        summary.CountRejected();

        Assert.Equal(3, summary.Read);
        Assert.Equal("read 3, rendered 2, rejected 1", summary.Format());
        Assert.Equal("read 0, rendered 0, rejected 0", new RenderSummary().ToString());
    }

    public void Dispose() => _temp.Dispose();

    private static Dictionary<string, string?> Values(params (string Column, string? Value)[] values) =>
        values.ToDictionary(v => v.Column, v => v.Value, StringComparer.OrdinalIgnoreCase);

    private static IEnumerable<string?> Fields(DataRecord record, IReadOnlyList<string> columns) =>
        columns.Select(c => record.AsRow().Values[c]);
}
