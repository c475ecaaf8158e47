using System.IO.Pipelines;
using System.Text;
using VmLang.LanguageServer.Protocol;

namespace VmLang.Tests.LanguageServer.Protocol;

public sealed class MessageFramingTests
{
    private readonly Pipe _pipe = new();
    private readonly StringWriter _log = new();
    private readonly MessageReader _reader;

    public MessageFramingTests() => _reader = new MessageReader(_pipe.Reader.AsStream(), _log);

    [Fact]
    public async Task Writer_frames_with_content_length_in_utf8_bytes()
    {
        var output = new MemoryStream();
        string body = """{"text":"héllo 😀"}""";

        await new MessageWriter(output).WriteAsync(Encoding.UTF8.GetBytes(body));

        Assert.Equal($"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}", Encoding.UTF8.GetString(output.ToArray()));
        Assert.NotEqual(body.Length, Encoding.UTF8.GetByteCount(body));
    }

    [Fact]
    public async Task Writer_then_reader_round_trips_non_ascii_content()
    {
        string body = """{"text":"Grüße, 世界 😀\r\n"}""";

        await new MessageWriter(_pipe.Writer.AsStream()).WriteAsync(Encoding.UTF8.GetBytes(body));

        Assert.Equal(body, await ReadStringAsync());
    }

    [Fact]
    public async Task Message_split_across_reads_is_reassembled()
    {
        string body = """{"jsonrpc":"2.0","method":"é😀"}""";
        byte[] frame = Frame(body);
        Task<string?> read = ReadStringAsync();

        // One byte at a time: the header, the separator and a multi-byte character all get split.
        foreach (byte b in frame)
        {
            await _pipe.Writer.WriteAsync(new[] { b });
        }

        Assert.Equal(body, await read);
    }

    [Fact]
    public async Task Several_messages_in_one_buffer_are_read_one_by_one()
    {
        await WriteAsync(Encoding.UTF8.GetString([.. Frame("""{"n":1}"""), .. Frame("""{"n":"ü"}"""), .. Frame("{}")]));

        Assert.Equal("""{"n":1}""", await ReadStringAsync());
        Assert.Equal("""{"n":"ü"}""", await ReadStringAsync());
        Assert.Equal("{}", await ReadStringAsync());
    }

    [Fact]
    public async Task Other_headers_any_case_and_bare_line_feeds_are_accepted()
    {
        await WriteAsync("content-type: application/vscode-jsonrpc; charset=utf-8\r\nCONTENT-LENGTH:  2 \r\n\r\n{}");
        await WriteAsync("Content-Length: 4\n\n[12]");

        Assert.Equal("{}", await ReadStringAsync());
        Assert.Equal("[12]", await ReadStringAsync());
        Assert.Equal("", _log.ToString());
    }

    [Fact]
    public async Task Stray_blank_line_between_frames_is_skipped_silently()
    {
        await WriteAsync("Content-Length: 2\r\n\r\n{}\r\nContent-Length: 2\r\n\r\n[]");

        Assert.Equal("{}", await ReadStringAsync());
        Assert.Equal("[]", await ReadStringAsync());
        Assert.Equal("", _log.ToString());
    }

    [Theory]
    [InlineData("Content-Length: abc\r\n\r\n{\"skipped\":true}")]
    [InlineData("Content-Length: -5\r\n\r\n{}")]
    [InlineData("Content-Type: application/json\r\n\r\n{\"no\":\"length\"}")]
    [InlineData("garbage without a colon\r\nContent-Length: nope\r\n\r\n")]
    [InlineData("\r\nnot a header at all\r\n")]
    public async Task Bad_header_block_is_logged_and_skipped_up_to_the_next_frame(string bad)
    {
        await WriteAsync(bad + Encoding.UTF8.GetString(Frame("""{"ok":1}""")));

        Assert.Equal("""{"ok":1}""", await ReadStringAsync());
        Assert.NotEqual("", _log.ToString());
    }

    [Fact]
    public async Task Resynchronizing_finds_a_content_length_header_split_across_reads()
    {
        await WriteAsync("Content-Length: x\r\n\r\n{}Content-Le");
        Task<string?> read = ReadStringAsync();
        await WriteAsync("ngth: 2\r\n\r\n[]");

        Assert.Equal("[]", await read);
    }

    [Fact]
    public async Task Content_length_too_long_the_body_ends_at_the_next_header_without_waiting_for_more_input()
    {
        await WriteAsync("Content-Length: 500\r\n\r\n{\"a\":1}" + Encoding.UTF8.GetString(Frame("""{"b":2}""")));

        Assert.Equal("""{"a":1}""", await ReadStringAsync());
        Assert.Equal("""{"b":2}""", await ReadStringAsync());
        Assert.Contains("ran into the next Content-Length header", _log.ToString());
    }

    [Fact]
    public async Task Content_length_too_long_a_header_arriving_in_pieces_is_still_found()
    {
        await WriteAsync("Content-Length: 500\r\n\r\n{\"a\":1}Content-Le");
        Task<string?> read = ReadStringAsync();
        await WriteAsync("ngth: 7");
        await WriteAsync("\r\n\r\n{\"b\":2}");

        Assert.Equal("""{"a":1}""", await read);
        Assert.Equal("""{"b":2}""", await ReadStringAsync());
    }

    [Fact]
    public async Task A_header_written_inside_a_json_string_is_part_of_the_body()
    {
        // JSON cannot hold a raw line break in a string, so these are the escapes \r\n, not a header line.
        string body = """{"text":"Content-Length: 5\r\n\r\nContent-Length: 7\n","n":1}""";

        await WriteAsync(Encoding.UTF8.GetString(Frame(body)));

        Assert.Equal(body, await ReadStringAsync());
        Assert.Equal("", _log.ToString());
    }

    [Fact]
    public async Task Content_length_too_short_the_rest_glued_before_the_next_header_is_skipped()
    {
        await WriteAsync("Content-Length: 4\r\n\r\n{\"a\":1}" + Encoding.UTF8.GetString(Frame("""{"b":2}""")));

        Assert.Equal("{\"a\"", await ReadStringAsync());
        Assert.Equal("""{"b":2}""", await ReadStringAsync());
        Assert.Contains("junk before a Content-Length header", _log.ToString());
    }

    [Fact]
    public async Task Overlong_header_line_is_skipped()
    {
        await WriteAsync(new string('x', 20_000) + Encoding.UTF8.GetString(Frame("{}")));

        Assert.Equal("{}", await ReadStringAsync());
        Assert.Contains("header line longer", _log.ToString());
    }

    [Fact]
    public async Task End_of_input_returns_null_even_inside_a_message()
    {
        await WriteAsync("Content-Length: 10\r\n\r\n{}");
        await _pipe.Writer.CompleteAsync();

        Assert.Null(await ReadStringAsync());
        Assert.Contains("input ended inside a message", _log.ToString());
    }

    private static byte[] Frame(string body)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        return [.. Encoding.ASCII.GetBytes($"Content-Length: {bytes.Length}\r\n\r\n"), .. bytes];
    }

    private async Task WriteAsync(string text) => await _pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes(text));

    private async Task<string?> ReadStringAsync()
    {
        byte[]? body = await _reader.ReadAsync(CancellationToken.None).AsTask().WaitAsync(LspTestClient.Timeout);
        return body is null ? null : Encoding.UTF8.GetString(body);
    }
}
