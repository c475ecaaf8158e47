using System.Text.Json;

namespace VmLang.Rendering;

/// <summary>
/// A JSON array of objects, streamed: <see cref="Utf8JsonReader"/> runs over a buffer that is
/// refilled from the stream and only ever grows to hold the largest single element, so a file
/// of a million rows costs no more memory than one of ten.
/// </summary>
/// <remarks>
/// Row N is the N-th element. An element that is not an object, or holds a nested value, is
/// a rejected row and reading goes on. Malformed JSON stops reading: after a syntax error
/// there is no reliable way to find where the next element starts. A UTF-8 byte-order mark is
/// skipped; other encodings are not supported (JSON is UTF-8, RFC 8259 §8.1).
/// </remarks>
internal sealed class JsonArrayDataSource(Stream input, bool leaveOpen) : DataSource(input, leaveOpen)
{
    private readonly ColumnSet _columns = new();

    public override DataFormat Format => DataFormat.Json;

    public override IReadOnlyList<string> Columns => _columns;

    private protected override IEnumerable<DataRecord> ReadRecordsCore(Stream input)
    {
        var reader = new JsonArrayElementReader(input, _columns);
        while (reader.ReadNext() is { } record)
        {
            yield return record;
        }
    }

    /// <summary>
    /// The chunked reading proper, outside the iterator: <see cref="Utf8JsonReader"/> is a ref
    /// struct and cannot live across a <c>yield</c>, so each step builds a fresh reader from
    /// the saved <see cref="JsonReaderState"/> over the bytes not yet consumed.
    /// </summary>
    internal sealed class JsonArrayElementReader(Stream input, ColumnSet columns)
    {
        private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

        private byte[] _buffer = new byte[BufferSize];
        private int _start;
        private int _end;
        private bool _endOfInput;
        private JsonReaderState _state = new(JsonRowConverter.ReaderOptions);
        private Phase _phase = Phase.ByteOrderMark;

        /// <summary>Data rows returned so far.</summary>
        private int _row;

        /// <summary>Line breaks in the bytes consumed so far, to give each element its line.</summary>
        private int _lineBreaksConsumed;

        private enum Phase
        {
            ByteOrderMark,
            BeforeArray,
            Elements,
            AfterArray,
            Done,
        }

        private enum Step
        {
            Continue,
            NeedMoreInput,
            Produced,
        }

        /// <summary>Internal for tests: the buffer never grows past the largest element.</summary>
        internal int BufferCapacity => _buffer.Length;

        public DataRecord? ReadNext()
        {
            while (_phase != Phase.Done)
            {
                switch (TryStep(out var record))
                {
                    case Step.Produced:
                        return record;
                    case Step.NeedMoreInput when _endOfInput:
                        // After the array this is the normal end. Before or inside it the
                        // reader throws on truncated input instead; this is a safety net so a
                        // truncated file can never end silently.
                        var truncated = _phase == Phase.AfterArray
                            ? null
                            : new DataError(_phase == Phase.Elements ? _row + 1 : null, null, "the input ends inside the array", stopsReading: true);
                        _phase = Phase.Done;
                        if (truncated is not null)
                        {
                            return truncated;
                        }

                        break;
                    case Step.NeedMoreInput:
                        Fill();
                        break;
                }
            }

            return null;
        }

        private Step TryStep(out DataRecord? record)
        {
            record = null;
            var unread = _buffer.AsSpan(_start, _end - _start);
            if (_phase == Phase.ByteOrderMark)
            {
                if (unread.Length < Utf8ByteOrderMark.Length && !_endOfInput)
                {
                    return Step.NeedMoreInput;
                }

                if (unread.StartsWith(Utf8ByteOrderMark))
                {
                    _start += Utf8ByteOrderMark.Length;
                }

                _phase = Phase.BeforeArray;
                return Step.Continue;
            }

            if (_phase == Phase.BeforeArray && _endOfInput && unread.TrimStart(" \t\r\n"u8).IsEmpty)
            {
                record = new DataError(null, null, "the input is empty; expected a JSON array of objects", stopsReading: true);
                _phase = Phase.Done;
                return Step.Produced;
            }

            var reader = new Utf8JsonReader(unread, _endOfInput, _state);
            try
            {
                switch (_phase)
                {
                    case Phase.BeforeArray:
                        if (!reader.Read())
                        {
                            return Step.NeedMoreInput;
                        }

                        if (reader.TokenType != JsonTokenType.StartArray)
                        {
                            record = new DataError(
                                null,
                                CurrentLine(unread, reader.TokenStartIndex),
                                $"expected a JSON array of objects, found {JsonRowConverter.Describe(reader.TokenType)}",
                                stopsReading: true);
                            _phase = Phase.Done;
                            return Step.Produced;
                        }

                        Consume(ref reader, unread);
                        _phase = Phase.Elements;
                        return Step.Continue;

                    case Phase.Elements:
                        if (!reader.Read())
                        {
                            return Step.NeedMoreInput;
                        }

                        if (reader.TokenType == JsonTokenType.EndArray)
                        {
                            Consume(ref reader, unread);
                            _phase = Phase.AfterArray;
                            return Step.Continue;
                        }

                        // Skip to the end of the element; if it is not all in the buffer yet,
                        // retry the whole element from the saved state once more is read.
                        var elementStart = (int)reader.TokenStartIndex;
                        if (!reader.TrySkip())
                        {
                            return Step.NeedMoreInput;
                        }

                        var element = unread[elementStart..(int)reader.BytesConsumed];
                        var line = CurrentLine(unread, elementStart);
                        Consume(ref reader, unread);
                        _row++;
                        record = JsonRowConverter.Convert(element, _row, line, columns);
                        return Step.Produced;

                    case Phase.AfterArray:
                        // Whitespace and comments may follow; anything else makes Read throw.
                        reader.Read();
                        Consume(ref reader, unread);
                        return Step.NeedMoreInput;

                    default:
                        throw new InvalidOperationException($"Unexpected phase {_phase}.");
                }
            }
            catch (JsonException exception)
            {
                record = ToSyntaxError(exception);
                _phase = Phase.Done;
                return Step.Produced;
            }
        }

        private DataError ToSyntaxError(JsonException exception)
        {
            // The reader state carries line numbers across chunks, so the exception's line is
            // the file's (0-based).
            var line = exception.LineNumber is { } zeroBased ? (int)zeroBased + 1 : (int?)null;
            var problem = JsonErrors.Describe(exception);
            return _phase switch
            {
                Phase.Elements => new DataError(_row + 1, line, $"invalid JSON: {problem}; the rows after it cannot be read", stopsReading: true),
                Phase.AfterArray => new DataError(null, line, $"unexpected content after the array: {problem}", stopsReading: true),
                _ => new DataError(null, line, $"invalid JSON: {problem}", stopsReading: true),
            };
        }

        private void Consume(ref Utf8JsonReader reader, ReadOnlySpan<byte> unread)
        {
            var consumed = (int)reader.BytesConsumed;
            _lineBreaksConsumed += unread[..consumed].Count((byte)'\n');
            _start += consumed;
            _state = reader.CurrentState;
        }

        private int CurrentLine(ReadOnlySpan<byte> unread, long offset) =>
            _lineBreaksConsumed + unread[..(int)offset].Count((byte)'\n') + 1;

        /// <summary>Moves the unread bytes to the front, grows the buffer if it is full of one element, and reads more.</summary>
        private void Fill()
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var read = input.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _endOfInput = true;
            }

            _end += read;
        }
    }
}
