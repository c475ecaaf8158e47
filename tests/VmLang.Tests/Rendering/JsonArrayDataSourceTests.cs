using System.Text;
using VmLang.Rendering;

namespace VmLang.Tests.Rendering;

public sealed class JsonArrayDataSourceTests
{
    [Fact]
    public void Strings_stay_as_they_are_numbers_and_booleans_keep_their_json_text_and_null_is_null()
    {
        var row = DataSources.ReadAll(
            """[{"name": "Dana \"D\" Reyes", "phone": 8172249900, "rate": 0.50, "vip": true, "late": false, "note": null}]""",
            DataFormat.Json).Single().AsRow();

        Assert.Equal(1, row.Number);
        Assert.Equal("Dana \"D\" Reyes", row.Values["NAME"]);
        Assert.Equal("8172249900", row.Values["phone"]);
        Assert.Equal("0.50", row.Values["rate"]);
        Assert.Equal("true", row.Values["vip"]);
        Assert.Equal("false", row.Values["late"]);
        Assert.True(row.Values.ContainsKey("note"));
        Assert.Null(row.Values["note"]);
    }

    [Fact]
    public void Columns_are_the_union_of_keys_in_the_order_they_appear()
    {
        var records = DataSources.ReadAll(
            """[{"name": "Dana", "phone": "1"}, {"Phone": "2", "company": "Acme"}, {"email": "x@y"}]""",
            DataFormat.Json,
            out var columns);

        Assert.Equal(3, records.Count);
        Assert.Equal(["name", "phone", "company", "email"], columns);
    }

    [Fact]
    public void A_nested_value_rejects_that_row_only_and_keeps_its_json_text()
    {
        var records = DataSources.ReadAll(
            """
            [
              {"name": "Dana", "phone": {"work": "555"}},
              {"name": "Lee", "tags": [1, 2]},
              {"name": "Kim"}
            ]
            """,
            DataFormat.Json);

        var nested = records[0].AsError();
        Assert.Equal(1, nested.Row);
        Assert.Equal(2, nested.Line);
        Assert.Equal("column 'phone' holds an object; values must be strings, numbers, booleans or null", nested.Message);
        Assert.Equal("""{"work": "555"}""", nested.Values["phone"]);
        Assert.Equal("column 'tags' holds an array; values must be strings, numbers, booleans or null", records[1].AsError().Message);
        Assert.Equal("Kim", records[2].AsRow().Values["name"]);
        Assert.Equal(3, records[2].AsRow().Number);
    }

    [Fact]
    public void An_element_that_is_not_an_object_is_a_rejected_row()
    {
        var records = DataSources.ReadAll("""[{"name": "Dana"}, "Lee", 42, null, {"name": "Kim"}]""", DataFormat.Json);

        Assert.Equal(5, records.Count);
        Assert.Equal("is a string, not an object", records[1].AsError().Message);
        Assert.Equal("is a number, not an object", records[2].AsError().Message);
        Assert.Equal("is null, not an object", records[3].AsError().Message);
        Assert.Equal(5, records[4].AsRow().Number);
    }

    [Fact]
    public void A_key_given_twice_in_any_case_rejects_the_row()
    {
        var error = DataSources.ReadAll("""[{"name": "Dana", "Name": "Lee"}]""", DataFormat.Json).Single().AsError();

        Assert.Contains("names column 'Name' twice", error.Message);
    }

    [Fact]
    public void Malformed_json_is_an_error_at_its_row_and_line_and_stops_reading()
    {
        var records = DataSources.ReadAll(
            """
            [
              {"name": "Dana"},
              {"name": "Lee",
               "phone": 555-1234},
              {"name": "Kim"}
            ]
            """,
            DataFormat.Json);

        Assert.Equal(2, records.Count);
        Assert.Equal("Dana", records[0].AsRow().Values["name"]);
        var error = records[1].AsError();
        Assert.Equal(2, error.Row);
        Assert.Equal(4, error.Line);
        Assert.True(error.StopsReading);
        Assert.StartsWith("invalid JSON: ", error.Message);
        Assert.DoesNotContain("LineNumber", error.Message);
    }

    [Fact]
    public void Truncated_input_is_an_error_at_the_unfinished_row()
    {
        var records = DataSources.ReadAll("""[{"name": "Dana"}, {"name": "Le""", DataFormat.Json);

        Assert.Equal(2, records.Count);
        Assert.Equal(2, records[1].AsError().Row);
    }

    [Theory]
    [InlineData("""{"name": "Dana"}""", "expected a JSON array of objects, found an object")]
    [InlineData("", "the input is empty; expected a JSON array of objects")]
    [InlineData("  \n ", "the input is empty; expected a JSON array of objects")]
    public void Input_that_is_not_an_array_is_unreadable_as_a_whole(string text, string message)
    {
        var error = DataSources.ReadAll(text, DataFormat.Json).Single().AsError();

        Assert.Null(error.Row);
        Assert.True(error.StopsReading);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Content_after_the_array_is_an_error()
    {
        var records = DataSources.ReadAll("""[{"name": "Dana"}] x""", DataFormat.Json);

        Assert.Equal(1, records[0].AsRow().Number);
        var error = records[1].AsError();
        Assert.Null(error.Row);
        Assert.StartsWith("unexpected content after the array", error.Message);
    }

    [Fact]
    public void A_byte_order_mark_comments_and_a_trailing_comma_are_accepted()
    {
        var bytes = Encoding.UTF8.GetPreamble()
            .Concat(Encoding.UTF8.GetBytes("// exported by hand\n[{\"name\": \"Dana\",},]\n"))
            .ToArray();

        var records = DataSources.ReadAll(bytes, DataFormat.Json, out _);

        Assert.Equal("Dana", records.Single().AsRow().Values["name"]);
    }

    [Fact]
    public void An_empty_array_has_no_rows() =>
        Assert.Empty(DataSources.ReadAll(" [ ] ", DataFormat.Json));

    [Fact]
    public void An_unpaired_surrogate_escape_rejects_the_row()
    {
        var records = DataSources.ReadAll("""[{"name": "\ud800"}, {"name": "Lee"}]""", DataFormat.Json);

        Assert.StartsWith("invalid JSON string", records[0].AsError().Message);
        Assert.Equal("Lee", records[1].AsRow().Values["name"]);
    }

    [Fact]
    public void The_first_rows_are_read_without_reading_the_whole_stream()
    {
        // About 700 MB of JSON if it were all read.
        using var stream = new GeneratedJsonArrayStream(rowCount: 10_000_000);
        using var source = DataSource.Create(stream, DataFormat.Json);

        var firstRows = source.ReadRecords().Take(3).Select(r => r.AsRow()).ToList();

        Assert.Equal([1, 2, 3], firstRows.Select(r => r.Number));
        Assert.Equal("Prospect 2", firstRows[1].Values["name"]);
        Assert.InRange(stream.BytesRead, 1, 256 * 1024);
        Assert.Null(source.InputLength);
    }

    [Fact]
    public void The_buffer_stays_the_size_of_one_chunk_while_streaming_many_rows()
    {
        using var stream = new GeneratedJsonArrayStream(rowCount: 100_000);
        var reader = new JsonArrayDataSource.JsonArrayElementReader(stream, new ColumnSet());

        var rows = 0;
        var initialCapacity = reader.BufferCapacity;
        while (reader.ReadNext() is { } record)
        {
            Assert.Equal(++rows, record.AsRow().Number);
        }

        Assert.Equal(100_000, rows);
        Assert.Equal(initialCapacity, reader.BufferCapacity);
        Assert.True(stream.BytesRead > 4_000_000);
    }

    [Fact]
    public void An_element_larger_than_the_buffer_is_read_whole()
    {
        var longNote = new string('x', 300_000);
        var records = DataSources.ReadAll($$"""[{"name": "Dana"}, {"note": "{{longNote}}", "name": "Lee"}, {"name": "Kim"}]""", DataFormat.Json);

        Assert.Equal(longNote, records[1].AsRow().Values["note"]);
        Assert.Equal("Kim", records[2].AsRow().Values["name"]);
    }

    [Fact]
    public void Lines_are_counted_across_chunks()
    {
        // Far past the first 64 KiB buffer, on line 20,003.
        var text = new StringBuilder("[\n");
        for (var i = 1; i <= 20_000; i++)
        {
            text.Append("  {\"name\": \"Prospect ").Append(i).Append("\"},\n");
        }

        text.Append("  {\"name\": \"Late\"},\n  {\"name\": oops}\n]\n");

        var records = DataSources.ReadAll(text.ToString(), DataFormat.Json);

        Assert.Equal(20_002, records.Count);
        Assert.Equal(20_002, records[^2].Line);
        var error = records[^1].AsError();
        Assert.Equal(20_002, error.Row);
        Assert.Equal(20_003, error.Line);
    }

    /// <summary>
    /// <c>[{"name":"Prospect 1","phone":"817-224-9900"},…]</c>, produced on demand, counting
    /// the bytes handed out. It cannot tell its length, like a pipe.
    /// </summary>
    private sealed class GeneratedJsonArrayStream(int rowCount) : Stream
    {
        private byte[] _pending = "["u8.ToArray();
        private int _pendingOffset;
        private int _rowsGenerated;
        private bool _closed;

        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var written = 0;
            while (written < count)
            {
                if (_pendingOffset == _pending.Length && !NextPiece())
                {
                    break;
                }

                var take = Math.Min(count - written, _pending.Length - _pendingOffset);
                Array.Copy(_pending, _pendingOffset, buffer, offset + written, take);
                _pendingOffset += take;
                written += take;
            }

            BytesRead += written;
            return written;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private bool NextPiece()
        {
            if (_closed)
            {
                return false;
            }

            string piece;
            if (_rowsGenerated < rowCount)
            {
                _rowsGenerated++;
                piece = (_rowsGenerated > 1 ? "," : "") + $"{{\"name\":\"Prospect {_rowsGenerated}\",\"phone\":\"817-224-9900\"}}\n";
            }
            else
            {
                piece = "]";
                _closed = true;
            }

            _pending = Encoding.UTF8.GetBytes(piece);
            _pendingOffset = 0;
            return true;
        }
    }
}
