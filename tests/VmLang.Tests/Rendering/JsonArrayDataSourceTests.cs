using System.Text;
using VmLang.Rendering;

namespace VmLang.Tests.Rendering;

public sealed class JsonArrayDataSourceTests
{
    [Fact]
    public void StringsStayAsTheyAreNumbersAndBooleansKeepTheirJsonTextAndNullIsNull()
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
    public void ColumnsAreTheUnionOfKeysInTheOrderTheyAppear()
    {
        var records = DataSources.ReadAll(
            """[{"name": "Dana", "phone": "1"}, {"Phone": "2", "company": "Acme"}, {"email": "x@y"}]""",
            DataFormat.Json,
            out var columns);

        Assert.Equal(3, records.Count);
        Assert.Equal(["name", "phone", "company", "email"], columns);
    }

    [Fact]
    public void ANestedValueRejectsThatRowOnlyAndKeepsItsJsonText()
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
    public void AnElementThatIsNotAnObjectIsARejectedRow()
    {
        var records = DataSources.ReadAll("""[{"name": "Dana"}, "Lee", 42, null, {"name": "Kim"}]""", DataFormat.Json);

        Assert.Equal(5, records.Count);
        Assert.Equal("is a string, not an object", records[1].AsError().Message);
        Assert.Equal("is a number, not an object", records[2].AsError().Message);
        Assert.Equal("is null, not an object", records[3].AsError().Message);
        Assert.Equal(5, records[4].AsRow().Number);
    }

    [Fact]
    public void AKeyGivenTwiceInAnyCaseRejectsTheRow()
    {
        var error = DataSources.ReadAll("""[{"name": "Dana", "Name": "Lee"}]""", DataFormat.Json).Single().AsError();

        Assert.Contains("names column 'Name' twice", error.Message);
    }

    [Fact]
    public void MalformedJsonIsAnErrorAtItsRowAndLineAndStopsReading()
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
    public void TruncatedInputIsAnErrorAtTheUnfinishedRow()
    {
        var records = DataSources.ReadAll("""[{"name": "Dana"}, {"name": "Le""", DataFormat.Json);

        Assert.Equal(2, records.Count);
        Assert.Equal(2, records[1].AsError().Row);
    }

    [Theory]
    [InlineData("""{"name": "Dana"}""", "expected a JSON array of objects, found an object")]
    [InlineData("", "the input is empty; expected a JSON array of objects")]
    [InlineData("  \n ", "the input is empty; expected a JSON array of objects")]
    public void InputThatIsNotAnArrayIsUnreadableAsAWhole(string text, string message)
    {
        var error = DataSources.ReadAll(text, DataFormat.Json).Single().AsError();

        Assert.Null(error.Row);
        Assert.True(error.StopsReading);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void ContentAfterTheArrayIsAnError()
    {
        var records = DataSources.ReadAll("""[{"name": "Dana"}] x""", DataFormat.Json);

        Assert.Equal(1, records[0].AsRow().Number);
        var error = records[1].AsError();
        Assert.Null(error.Row);
        Assert.StartsWith("unexpected content after the array", error.Message);
    }

    [Fact]
    public void AByteOrderMarkCommentsAndATrailingCommaAreAccepted()
    {
        var bytes = Encoding.UTF8.GetPreamble()
            .Concat(Encoding.UTF8.GetBytes("// exported by hand\n[{\"name\": \"Dana\",},]\n"))
            .ToArray();

        var records = DataSources.ReadAll(bytes, DataFormat.Json, out _);

        Assert.Equal("Dana", records.Single().AsRow().Values["name"]);
    }

    [Fact]
    public void AnEmptyArrayHasNoRows() =>
        Assert.Empty(DataSources.ReadAll(" [ ] ", DataFormat.Json));

    [Fact]
    public void AnUnpairedSurrogateEscapeRejectsTheRow()
    {
        var records = DataSources.ReadAll("""[{"name": "\ud800"}, {"name": "Lee"}]""", DataFormat.Json);

        Assert.StartsWith("invalid JSON string", records[0].AsError().Message);
        Assert.Equal("Lee", records[1].AsRow().Values["name"]);
    }

    [Fact]
    public void TheFirstRowsAreReadWithoutReadingTheWholeStream()
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
    public void TheBufferStaysTheSizeOfOneChunkWhileStreamingManyRows()
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
    public void AnElementLargerThanTheBufferIsReadWhole()
    {
        var longNote = new string('x', 300_000);
        var records = DataSources.ReadAll($$"""[{"name": "Dana"}, {"note": "{{longNote}}", "name": "Lee"}, {"name": "Kim"}]""", DataFormat.Json);

        Assert.Equal(longNote, records[1].AsRow().Values["note"]);
        Assert.Equal("Kim", records[2].AsRow().Values["name"]);
    }

    [Fact]
    public void LinesAreCountedAcrossChunks()
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
