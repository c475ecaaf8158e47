using System.IO.Pipelines;
using System.Text;
using VmLang.LanguageServer.Protocol;

namespace VmLang.Tests.LanguageServer.Protocol;

public sealed class MessageFramingTests
{
    private readonly Pipe pipe = new();
    private readonly StringWriter log = new();
    private readonly MessageReader reader;

    public MessageFramingTests() => reader = new MessageReader(pipe.Reader.AsStream(), log);

    [Fact]
    public async Task Writer_FramesWithContentLengthInUtf8Bytes()
    {
        var output = new MemoryStream();
        string body = """{"text":"héllo 😀"}""";

        await new MessageWriter(output).WriteAsync(Encoding.UTF8.GetBytes(body));

        Assert.Equal($"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}", Encoding.UTF8.GetString(output.ToArray()));
        Assert.NotEqual(body.Length, Encoding.UTF8.GetByteCount(body));
    }

    [Fact]
    public async Task WriterThenReader_RoundTripsNonAsciiContent()
    {
        string body = """{"text":"Grüße, 世界 😀\r\n"}""";

        await new MessageWriter(pipe.Writer.AsStream()).WriteAsync(Encoding.UTF8.GetBytes(body));

        Assert.Equal(body, await ReadStringAsync());
    }

    [Fact]
    public async Task MessageSplitAcrossReads_IsReassembled()
    {
        string body = """{"jsonrpc":"2.0","method":"é😀"}""";
        byte[] frame = Frame(body);
        Task<string?> read = ReadStringAsync();

        // One byte at a time: the header, the separator and a multi-byte character all get split.
        foreach (byte b in frame)
        {
            await pipe.Writer.WriteAsync(new[] { b });
        }

        Assert.Equal(body, await read);
    }

    [Fact]
    public async Task SeveralMessagesInOneBuffer_AreReadOneByOne()
    {
        await WriteAsync(Encoding.UTF8.GetString([.. Frame("""{"n":1}"""), .. Frame("""{"n":"ü"}"""), .. Frame("{}")]));

        Assert.Equal("""{"n":1}""", await ReadStringAsync());
        Assert.Equal("""{"n":"ü"}""", await ReadStringAsync());
        Assert.Equal("{}", await ReadStringAsync());
    }

    [Fact]
    public async Task OtherHeaders_AnyCase_AndBareLineFeeds_AreAccepted()
    {
        await WriteAsync("content-type: application/vscode-jsonrpc; charset=utf-8\r\nCONTENT-LENGTH:  2 \r\n\r\n{}");
        await WriteAsync("Content-Length: 4\n\n[12]");

        Assert.Equal("{}", await ReadStringAsync());
        Assert.Equal("[12]", await ReadStringAsync());
        Assert.Equal("", log.ToString());
    }

    [Fact]
    public async Task StrayBlankLineBetweenFrames_IsSkippedSilently()
    {
        await WriteAsync("Content-Length: 2\r\n\r\n{}\r\nContent-Length: 2\r\n\r\n[]");

        Assert.Equal("{}", await ReadStringAsync());
        Assert.Equal("[]", await ReadStringAsync());
        Assert.Equal("", log.ToString());
    }

    [Theory]
    [InlineData("Content-Length: abc\r\n\r\n{\"skipped\":true}")]
    [InlineData("Content-Length: -5\r\n\r\n{}")]
    [InlineData("Content-Type: application/json\r\n\r\n{\"no\":\"length\"}")]
    [InlineData("garbage without a colon\r\nContent-Length: nope\r\n\r\n")]
    [InlineData("\r\nnot a header at all\r\n")]
    public async Task BadHeaderBlock_IsLoggedAndSkipped_UpToTheNextFrame(string bad)
    {
        await WriteAsync(bad + Encoding.UTF8.GetString(Frame("""{"ok":1}""")));

        Assert.Equal("""{"ok":1}""", await ReadStringAsync());
        Assert.NotEqual("", log.ToString());
    }

    [Fact]
    public async Task ResynchronizingFindsAContentLengthHeaderSplitAcrossReads()
    {
        await WriteAsync("Content-Length: x\r\n\r\n{}Content-Le");
        Task<string?> read = ReadStringAsync();
        await WriteAsync("ngth: 2\r\n\r\n[]");

        Assert.Equal("[]", await read);
    }

    [Fact]
    public async Task ContentLengthTooLong_TheBodyEndsAtTheNextHeader_WithoutWaitingForMoreInput()
    {
        await WriteAsync("Content-Length: 500\r\n\r\n{\"a\":1}" + Encoding.UTF8.GetString(Frame("""{"b":2}""")));

        Assert.Equal("""{"a":1}""", await ReadStringAsync());
        Assert.Equal("""{"b":2}""", await ReadStringAsync());
        Assert.Contains("ran into the next Content-Length header", log.ToString());
    }

    [Fact]
    public async Task ContentLengthTooLong_AHeaderArrivingInPieces_IsStillFound()
    {
        await WriteAsync("Content-Length: 500\r\n\r\n{\"a\":1}Content-Le");
        Task<string?> read = ReadStringAsync();
        await WriteAsync("ngth: 7");
        await WriteAsync("\r\n\r\n{\"b\":2}");

        Assert.Equal("""{"a":1}""", await read);
        Assert.Equal("""{"b":2}""", await ReadStringAsync());
    }

    [Fact]
    public async Task AHeaderWrittenInsideAJsonString_IsPartOfTheBody()
    {
        // JSON cannot hold a raw line break in a string, so these are the escapes \r\n, not a header line.
        string body = """{"text":"Content-Length: 5\r\n\r\nContent-Length: 7\n","n":1}""";

        await WriteAsync(Encoding.UTF8.GetString(Frame(body)));

        Assert.Equal(body, await ReadStringAsync());
        Assert.Equal("", log.ToString());
    }

    [Fact]
    public async Task ContentLengthTooShort_TheRestGluedBeforeTheNextHeader_IsSkipped()
    {
        await WriteAsync("Content-Length: 4\r\n\r\n{\"a\":1}" + Encoding.UTF8.GetString(Frame("""{"b":2}""")));

        Assert.Equal("{\"a\"", await ReadStringAsync());
        Assert.Equal("""{"b":2}""", await ReadStringAsync());
        Assert.Contains("junk before a Content-Length header", log.ToString());
    }

    [Fact]
    public async Task OverlongHeaderLine_IsSkipped()
    {
        await WriteAsync(new string('x', 20_000) + Encoding.UTF8.GetString(Frame("{}")));

        Assert.Equal("{}", await ReadStringAsync());
        Assert.Contains("header line longer", log.ToString());
    }

    [Fact]
    public async Task EndOfInput_ReturnsNull_EvenInsideAMessage()
    {
        await WriteAsync("Content-Length: 10\r\n\r\n{}");
        await pipe.Writer.CompleteAsync();

        Assert.Null(await ReadStringAsync());
        Assert.Contains("input ended inside a message", log.ToString());
    }

    private static byte[] Frame(string body)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        return [.. Encoding.ASCII.GetBytes($"Content-Length: {bytes.Length}\r\n\r\n"), .. bytes];
    }

    private async Task WriteAsync(string text) => await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes(text));

    private async Task<string?> ReadStringAsync()
    {
        byte[]? body = await reader.ReadAsync(CancellationToken.None).AsTask().WaitAsync(LspTestClient.Timeout);
        return body is null ? null : Encoding.UTF8.GetString(body);
    }
}
