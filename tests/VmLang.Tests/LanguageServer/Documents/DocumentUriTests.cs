using VmLang.LanguageServer.Documents;

namespace VmLang.Tests.LanguageServer.Documents;

public sealed class DocumentUriTests
{
    [Theory]
    [InlineData("file:///tmp/a%20b/x.vml", "/tmp/a b/x.vml")]
    [InlineData("file:///tmp/caf%C3%A9/%23x%25.vml", "/tmp/café/#x%.vml")]
    [InlineData("file:///tmp/x.vml#L3", "/tmp/x.vml")]
    [InlineData("file://localhost/tmp/x.vml", "/tmp/x.vml")]
    [InlineData("FILE:/tmp/x.vml", "/tmp/x.vml")]
    public void TryGetLocalPath_DecodesPosixPaths(string uri, string path)
    {
        Assert.True(DocumentUri.TryGetLocalPath(uri, windows: false, out string? actual));
        Assert.Equal(path, actual);
    }

    [Theory]
    [InlineData("file:///c%3A/Users/me/a%20b.vml", @"c:\Users\me\a b.vml")]
    [InlineData("file:///C:/x.vml", @"C:\x.vml")]
    [InlineData("file://server/share/x.vml", @"\\server\share\x.vml")]
    public void TryGetLocalPath_DecodesWindowsPaths(string uri, string path)
    {
        Assert.True(DocumentUri.TryGetLocalPath(uri, windows: true, out string? actual));
        Assert.Equal(path, actual);
    }

    [Theory]
    [InlineData("untitled:Untitled-1")]
    [InlineData("https://example.com/x.vml")]
    [InlineData("file://server/share/x.vml")]
    public void TryGetLocalPath_RejectsWhatIsNotALocalPosixFile(string uri)
    {
        Assert.False(DocumentUri.TryGetLocalPath(uri, windows: false, out _));
    }

    [Theory]
    [InlineData("/tmp/a b/x.vml", false, "file:///tmp/a%20b/x.vml")]
    [InlineData("/tmp/café/#x%.vml", false, "file:///tmp/caf%C3%A9/%23x%25.vml")]
    [InlineData(@"C:\Users\me\a b.vml", true, "file:///c%3A/Users/me/a%20b.vml")]
    [InlineData(@"\\server\share\x.vml", true, "file://server/share/x.vml")]
    public void FromLocalPath_EscapesLikeVsCode_AndRoundTrips(string path, bool windows, string uri)
    {
        Assert.Equal(uri, DocumentUri.FromLocalPath(path, windows));
        Assert.True(DocumentUri.TryGetLocalPath(uri, windows, out string? back));
        Assert.Equal(windows ? path.Replace("C:", "c:", StringComparison.Ordinal) : path, back);
    }

    [Fact]
    public void FromLocalPath_RejectsRelativePaths()
    {
        Assert.Throws<ArgumentException>(() => DocumentUri.FromLocalPath("x.vml", windows: false));
    }
}
