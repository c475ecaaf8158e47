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
    public void Try_get_local_path_decodes_posix_paths(string uri, string path)
    {
        Assert.True(DocumentUri.TryGetLocalPath(uri, windows: false, out string? actual));
        Assert.Equal(path, actual);
    }

    [Theory]
    [InlineData("file:///c%3A/Users/me/a%20b.vml", @"c:\Users\me\a b.vml")]
    [InlineData("file:///C:/x.vml", @"C:\x.vml")]
    [InlineData("file://server/share/x.vml", @"\\server\share\x.vml")]
    public void Try_get_local_path_decodes_windows_paths(string uri, string path)
    {
        Assert.True(DocumentUri.TryGetLocalPath(uri, windows: true, out string? actual));
        Assert.Equal(path, actual);
    }

    [Theory]
    [InlineData("untitled:Untitled-1")]
    [InlineData("https://example.com/x.vml")]
    [InlineData("file://server/share/x.vml")]
    public void Try_get_local_path_rejects_what_is_not_a_local_posix_file(string uri)
    {
        Assert.False(DocumentUri.TryGetLocalPath(uri, windows: false, out _));
    }

    [Theory]
    [InlineData("/tmp/a b/x.vml", false, "file:///tmp/a%20b/x.vml")]
    [InlineData("/tmp/café/#x%.vml", false, "file:///tmp/caf%C3%A9/%23x%25.vml")]
    [InlineData(@"C:\Users\me\a b.vml", true, "file:///c%3A/Users/me/a%20b.vml")]
    [InlineData(@"\\server\share\x.vml", true, "file://server/share/x.vml")]
    public void From_local_path_escapes_like_vs_code_and_round_trips(string path, bool windows, string uri)
    {
        Assert.Equal(uri, DocumentUri.FromLocalPath(path, windows));
        Assert.True(DocumentUri.TryGetLocalPath(uri, windows, out string? back));
        Assert.Equal(windows ? path.Replace("C:", "c:", StringComparison.Ordinal) : path, back);
    }

    [Fact]
    public void From_local_path_rejects_relative_paths()
    {
        Assert.Throws<ArgumentException>(() => DocumentUri.FromLocalPath("x.vml", windows: false));
    }
}
