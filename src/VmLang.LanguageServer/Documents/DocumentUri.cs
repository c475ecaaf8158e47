using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace VmLang.LanguageServer.Documents;

/// <summary>
/// Converts between <c>file:</c> URIs and local paths. Written out rather than using
/// <see cref="System.Uri"/>, whose escaping rules differ from the ones LSP clients use
/// (VS Code escapes every character outside the unreserved set, and the drive colon as <c>%3A</c>).
/// </summary>
internal static class DocumentUri
{
    private const string FileScheme = "file:";

    /// <summary>The local path of a <c>file:</c> URI; false for other schemes (e.g. <c>untitled:</c>) and remote hosts.</summary>
    public static bool TryGetLocalPath(string uri, [NotNullWhen(true)] out string? path) =>
        TryGetLocalPath(uri, OperatingSystem.IsWindows(), out path);

    /// <summary>The <c>file:</c> URI of an absolute local path, escaped the way VS Code escapes it.</summary>
    public static string FromLocalPath(string path) => FromLocalPath(path, OperatingSystem.IsWindows());

    // The platform is a parameter so that both path styles can be tested on any machine.
    internal static bool TryGetLocalPath(string uri, bool windows, [NotNullWhen(true)] out string? path)
    {
        path = null;
        if (!uri.StartsWith(FileScheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string rest = uri[FileScheme.Length..];
        int end = rest.IndexOfAny(['?', '#']);
        if (end >= 0)
        {
            rest = rest[..end];
        }

        string host = "";
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            int pathStart = rest.IndexOf('/', 2);
            host = pathStart < 0 ? rest[2..] : rest[2..pathStart];
            rest = pathStart < 0 ? "/" : rest[pathStart..];
        }

        string decoded = Uri.UnescapeDataString(rest);
        bool remote = host.Length > 0 && !host.Equals("localhost", StringComparison.OrdinalIgnoreCase);
        if (!windows)
        {
            path = remote ? null : decoded;
            return path is not null;
        }

        if (remote)
        {
            path = @"\\" + host + decoded.Replace('/', '\\');
            return true;
        }

        // "/c:/dir" is the drive path "c:\dir".
        if (decoded.Length >= 3 && decoded[0] == '/' && char.IsAsciiLetter(decoded[1]) && decoded[2] == ':')
        {
            decoded = decoded[1..];
        }

        path = decoded.Replace('/', '\\');
        return true;
    }

    internal static string FromLocalPath(string path, bool windows)
    {
        string host = "";
        if (windows)
        {
            path = path.Replace('\\', '/');
            if (path.StartsWith("//", StringComparison.Ordinal))
            {
                int shareStart = path.IndexOf('/', 2);
                host = shareStart < 0 ? path[2..] : path[2..shareStart];
                path = shareStart < 0 ? "/" : path[shareStart..];
            }
            else if (path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':')
            {
                // VS Code writes drive letters in lower case.
                path = "/" + char.ToLowerInvariant(path[0]) + path[1..];
            }
        }

        if (!path.StartsWith('/'))
        {
            throw new ArgumentException($"'{path}' is not an absolute path.", nameof(path));
        }

        var uri = new StringBuilder("file://").Append(host);
        foreach (string segment in path[1..].Split('/'))
        {
            uri.Append('/').Append(Uri.EscapeDataString(segment));
        }

        return uri.ToString();
    }
}
