namespace VmLang.LanguageServer.Protocol;

// VmLang's own requests (method names under vmlang/): the script preview, listening to it, and the rule pages.
// The VS Code extension sends them; any client may.

/// <summary><c>vmlang/preview</c>: one template of a document rendered for one row of a data file.</summary>
internal sealed record PreviewParams : ITextDocumentParams
{
    public required TextDocumentIdentifier TextDocument { get; init; }

    /// <summary>The template's name; it must be declared in the document.</summary>
    public required string Template { get; init; }

    /// <summary>A CSV, JSON or JSON Lines file (format from its extension); relative paths are taken from the first workspace folder. None: the template with every slot shown by name.</summary>
    public string? DataPath { get; init; }

    /// <summary>The 1-based data row to render; out of range or absent means row 1.</summary>
    public int? Row { get; init; }

    /// <summary>
    /// The <see cref="PreviewResult.RowsKey"/> of the row list the client already has: when it still names the
    /// current list, the response leaves <see cref="PreviewResult.Rows"/> out. Absent: the list is always sent.
    /// </summary>
    public string? KnownRowsKey { get; init; }
}

internal sealed record PreviewResult
{
    public required string Template { get; init; }

    /// <summary>The script as <c>vmlang render</c> writes it, with each missing value replaced by its slot's name; null when the template cannot be rendered (see <see cref="Errors"/>).</summary>
    public string? Script { get; init; }

    /// <summary>Where <see cref="Script"/> shows a slot's name because the row has no value for it.</summary>
    public required IReadOnlyList<MissingValue> Missing { get; init; }

    /// <summary>The spoken length of <see cref="Script"/>, as <c>render</c> reports it.</summary>
    public required double Seconds { get; init; }

    public required int BudgetSeconds { get; init; }

    /// <summary>The row shown, or null without data.</summary>
    public int? Row { get; init; }

    /// <summary>
    /// The data rows read (at most <see cref="MaximumRows"/>), for the row picker; absent when the request's
    /// <see cref="PreviewParams.KnownRowsKey"/> is <see cref="RowsKey"/>, i.e. the client's list is this one.
    /// </summary>
    public IReadOnlyList<PreviewRow>? Rows { get; init; }

    /// <summary>
    /// An opaque name of the row list (the data file as read, its size and time, and what the labels are made of);
    /// the same key means the same list, from this server or a later one. Absent without a readable data file.
    /// </summary>
    public string? RowsKey { get; init; }

    /// <summary>True when the data has more rows than <see cref="Rows"/> lists.</summary>
    public bool MoreRows { get; init; }

    /// <summary>Why <c>render</c> would reject this row (blank required value, short contact, error phrase).</summary>
    public required IReadOnlyList<string> Rejections { get; init; }

    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Why there is no script, or why the data could not be read.</summary>
    public required IReadOnlyList<string> Errors { get; init; }

    /// <summary>Why <c>vmlang/listen</c> cannot speak on this machine (what to install); absent when it can.</summary>
    public string? SpeechUnavailable { get; init; }

    public const int MaximumRows = 10_000;
}

/// <summary><c>vmlang/listen</c> (parameters: <see cref="PreviewParams"/>): the previewed row spoken by espeak-ng.</summary>
internal sealed record ListenResult
{
    /// <summary>The WAV, base64.</summary>
    public string? Wav { get; init; }

    /// <summary>The WAV's length.</summary>
    public double? MeasuredSeconds { get; init; }

    /// <summary>The estimate the preview shows.</summary>
    public required double EstimatedSeconds { get; init; }

    /// <summary>What to install when espeak-ng is missing.</summary>
    public string? Unavailable { get; init; }

    /// <summary>Why there is nothing to speak (the template's errors) or why speaking failed.</summary>
    public required IReadOnlyList<string> Errors { get; init; }
}

/// <summary>A slot without a value, shown by name at <see cref="Start"/> (UTF-16 offset into the script).</summary>
internal sealed record MissingValue(string Slot, int Start, int Length);

/// <summary>A data row for the picker: its number and the prospect's value, if the template has one.</summary>
internal sealed record PreviewRow(int Number, string Label);

/// <summary><c>vmlang/explain</c>: the doc page of a diagnostic code, as <c>vmlang explain</c> prints it.</summary>
internal sealed record ExplainParams
{
    public required string Code { get; init; }
}

internal sealed record ExplainResult
{
    public required string Code { get; init; }

    public required string Markdown { get; init; }
}
