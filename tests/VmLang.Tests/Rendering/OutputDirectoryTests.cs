using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using VmLang.Rendering;

namespace VmLang.Tests.Rendering;

public sealed class OutputDirectoryTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public static TheoryData<string?, string> Slugs => new()
    {
        { "Dana Reyes", "dana-reyes" },
        { "  --Dana--  Reyes--", "dana-reyes" },
        { "O'Brien, Pat", "o-brien-pat" },
        { "../../etc/passwd", "etc-passwd" },
        { "/abs", "abs" },
        { @"C:\x", "c-x" },
        { @"\\server\share\x", "server-share-x" },
        { "..", "prospect" },
        { ".", "prospect" },
        { "a\0b", "a-b" },
        { "", "prospect" },
        { "   ", "prospect" },
        { null, "prospect" },
        { "Zoë Ångström-Çelik", "zoe-angstrom-celik" },
        { "Łódź Straße", "lodz-strasse" },
        { "Ærø Œuvre", "aero-oeuvre" },
        { "Zoe\u0308 (decomposed)", "zoe-decomposed" },
        { "北京 Li", "li" },
        { "北京", "prospect" },
        { "Dana 😀 Reyes", "dana-reyes" },
        { "CON", "con" },
    };

    [Theory]
    [MemberData(nameof(Slugs))]
    public void The_file_name_is_the_row_and_a_sanitized_prospect_name(string? prospect, string slug) =>
        Assert.Equal($"00003-{slug}.txt", OutputDirectory.FileName(3, prospect, "txt"));

    [Fact]
    public void A_long_name_is_cut_to_forty_characters_without_a_trailing_dash()
    {
        var name = OutputDirectory.FileName(12, "Maximilian Alexander " + new string('x', 18) + " Montgomery-Smythe", "md");

        Assert.Equal("00012-maximilian-alexander-xxxxxxxxxxxxxxxxxx.md", name);
        Assert.Equal(string.Concat(Enumerable.Repeat("ab", 20)), OutputDirectory.FileName(1, string.Concat(Enumerable.Repeat("AB", 500)), "md")[6..^3]);
    }

    [Fact]
    public void Rows_past_five_digits_still_get_unique_names() =>
        Assert.Equal("123456-dana.txt", OutputDirectory.FileName(123456, "Dana", "txt"));

    [Fact]
    public void Any_slug_is_lowercase_ascii_words_joined_by_single_dashes()
    {
        var shape = new Regex("^[a-z0-9]+(-[a-z0-9]+)*$");
        Prop.ForAll(
                ArbMap.Default.ArbFor<string>(),
                prospect =>
                {
                    var name = OutputDirectory.FileName(1, prospect, "txt");
                    var slug = name["00001-".Length..^".txt".Length];
                    return shape.IsMatch(slug) && slug.Length <= 40;
                })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Hostile_names_never_leave_the_directory()
    {
        var output = new OutputDirectory(_temp.Combine("out"));
        var row = 0;
        foreach (var prospect in Slugs.Select(s => (string?)s[0]).Append(new string('.', 300)).Append(new string('a', 5000)))
        {
            var path = output.WriteFile(++row, prospect, "txt", "script\n");

            Assert.Equal(output.FullPath, Path.GetDirectoryName(path));
            Assert.True(File.Exists(path));
        }

        var files = _temp.AllFiles();
        Assert.Equal(row, files.Count);
        Assert.All(files, file => Assert.Matches("^out/[0-9]{5}-[a-z0-9-]+\\.txt$", file));
    }

    [Fact]
    public void The_directory_is_created_with_its_parents()
    {
        var output = new OutputDirectory(_temp.Combine("a", "b", "scripts") + Path.DirectorySeparatorChar);

        var path = output.WriteFile(1, "Dana Reyes", "ssml", "<speak/>\n");

        Assert.Equal(_temp.Combine("a", "b", "scripts", "00001-dana-reyes.ssml"), path);
        Assert.Equal("<speak/>\n", File.ReadAllText(path));
    }

    [Fact]
    public void Writes_leave_no_temporary_files_and_replace_an_earlier_runs_file()
    {
        var output = new OutputDirectory(_temp.Path);
        File.WriteAllText(_temp.Combine("00001-dana.txt"), "from the last run, longer than the new content");

        output.WriteFile(1, "Dana", "txt", "new\n");
        output.WriteFile(2, "Lee", "txt", "Zoë 😀\n");

        Assert.Equal(["00001-dana.txt", "00002-lee.txt"], _temp.AllFiles());
        Assert.Equal("new\n", File.ReadAllText(_temp.Combine("00001-dana.txt")));
        var bytes = File.ReadAllBytes(_temp.Combine("00002-lee.txt"));
        Assert.NotEqual(0xEF, bytes[0]); // no byte-order mark
    }

    [Fact]
    public void An_uncommitted_file_leaves_the_destination_alone_and_no_temporary_file()
    {
        var destination = _temp.Combine("00001-dana.txt");
        File.WriteAllText(destination, "old");

        using (var file = AtomicFile.Create(destination))
        {
            file.Stream.Write("half a scr"u8);
            Assert.Equal(_temp.Path, Path.GetDirectoryName(file.TemporaryPath));
        }

        Assert.Equal(["00001-dana.txt"], _temp.AllFiles());
        Assert.Equal("old", File.ReadAllText(destination));
    }

    [Fact]
    public void Writing_the_same_row_twice_is_a_bug()
    {
        var output = new OutputDirectory(_temp.Path);
        output.WriteFile(1, "Dana", "txt", "a");

        Assert.Throws<InvalidOperationException>(() => output.WriteFile(1, "Dana", "txt", "b"));
        Assert.Equal("a", File.ReadAllText(_temp.Combine("00001-dana.txt")));
    }

    [Theory]
    [InlineData(0, "txt")]
    [InlineData(-1, "txt")]
    [InlineData(1, "")]
    [InlineData(1, "../x")]
    [InlineData(1, "TXT")]
    public void Rows_and_extensions_are_checked(int row, string extension) =>
        Assert.ThrowsAny<ArgumentException>(() => OutputDirectory.FileName(row, "Dana", extension));

    [Fact]
    public void The_directory_sink_writes_one_file_per_row_in_the_format()
    {
        using var sink = new DirectoryScriptSink(new OutputDirectory(_temp.Path), ScriptFormatter.For(ScriptFormat.Markdown));
        var script = new RenderedScript(7, "first_touch", "Dana Reyes", "Hi Dana.", 3, [], null);

        sink.Write(script);

        Assert.Equal(["00007-dana-reyes.md"], _temp.AllFiles());
        Assert.Equal(ScriptFormatter.For(ScriptFormat.Markdown).FormatScript(script), File.ReadAllText(sink.LastPath!));
    }

    public void Dispose() => _temp.Dispose();
}
