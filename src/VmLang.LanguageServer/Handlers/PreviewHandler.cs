using System.Security.Cryptography;
using System.Text;
using VmLang.Binding;
using VmLang.Emit;
using VmLang.LanguageServer.Protocol;
using VmLang.LanguageServer.Workspace;
using VmLang.Rendering;
using VmLang.Rules;

namespace VmLang.LanguageServer.Handlers;

/// <summary>
/// <c>vmlang/preview</c>: a template rendered for one data row by the renderer and row checks of
/// <c>vmlang render</c>, from the editor's current text. A value the row lacks is rendered as the slot's
/// name and its place in the script is returned, so the editor can highlight it.
/// </summary>
internal sealed class PreviewHandler(ServerWorkspace workspace)
{
    // Private-use characters around a missing slot's name: no value or template text contains them.
    private const char MissingStart = '\uE000';
    private const char MissingEnd = '\uE001';

    private readonly PreviewData _data = new();

    // Off the dispatch loop, as every feature request: reading a data file the first time can take a while.
    public void Register(LanguageServerConnection connection) =>
        connection.OnDocumentRequest<PreviewParams, PreviewResult>(workspace, LspMethods.VmLangPreview, (request, document, _) => Render(request, document).Result);

    /// <summary>The preview of <paramref name="request"/> in the workspace as <paramref name="document"/> saw it, with what else speaking it needs.</summary>
    /// <remarks>
    /// Requests may run at once (a preview and a listen): nothing here is shared between them but the data
    /// file, which <see cref="PreviewData"/> guards. The renderer and row checker are made per request; the
    /// costly part of a checker, the phrase automaton, is the compilation's, kept across edits that leave the
    /// rulesets and <c>vmlang.json</c> alone (<see cref="PhraseChecker.Create(Compilation)"/>).
    /// </remarks>
    public RenderedPreview Render(PreviewParams request, DocumentContext document)
    {
        var compilation = document.Compilation;
        var configuration = compilation.Configuration;
        var template = compilation.Templates.FirstOrDefault(t => t.Name == request.Template && t.SyntaxTree == document.Tree);
        if (template is null) return new(Failed(request.Template, 0, $"There is no template '{request.Template}' in this file."), null, configuration);
        var budget = SpokenLength.BudgetSeconds(template, compilation.Configuration);
        var data = request.DataPath is { Length: > 0 } dataPath ? _data.Read(FullPath(dataPath, document), PreviewResult.MaximumRows) : null;
        var rows = data?.Records ?? [];
        var record = rows.FirstOrDefault(r => Number(r) == request.Row) ?? rows.FirstOrDefault();
        // A template with errors still lists the rows: typing passes through errors, and the picker keeps its list.
        if (TemplateErrors(compilation, template) is { Count: > 0 } errors) return new(WithRows(Failed(template.Name, budget, [.. errors]), request, template, data, record), null, configuration);

        var values = record?.Values ?? new Dictionary<string, string?>();
        var hasRow = record is not null;

        var script = Unmark(ScriptRenderer.Create(template).Render(new SlotValues(template, Marked(template, values, hasRow))), out var missing);
        var rejections = new List<string>();
        var warnings = new List<string>();
        var seconds = SpokenLength.EstimateSeconds(template, compilation.Configuration);
        string? contact = null;
        if (record is DataError unreadable) rejections.Add(unreadable.Message);
        if (hasRow)
        {
            var result = new RowChecker(compilation, template).Check(values);
            rejections.AddRange(result.Rejections);
            warnings.AddRange(result.Warnings);
            contact = result.Contact;
            seconds = result.IsRejected ? SpokenLength.ScriptSeconds(script, contact, configuration) : result.Seconds;
            warnings.AddRange(UnusedColumns(template, data!.Columns));
        }
        return new(WithRows(new PreviewResult
        {
            Template = template.Name,
            Script = script,
            Missing = missing,
            Seconds = Math.Round(seconds, 1),
            BudgetSeconds = budget,
            Rejections = rejections,
            Warnings = warnings,
            Errors = data?.Error is { } error ? [error] : [],
            SpeechUnavailable = ListenHandler.Unavailable,
        }, request, template, data, record), contact, configuration);
    }

    /// <summary>
    /// <paramref name="result"/> with the row picker's part: the row shown, and the row list unless the client
    /// already has it. With 10,000 rows the list is most of the response, and a picker rebuilt on every keystroke.
    /// </summary>
    private static PreviewResult WithRows(PreviewResult result, PreviewParams request, TemplateSymbol template, DataFile? data, DataRecord? record)
    {
        var key = data?.Stamp is { } stamp ? RowsKey(stamp, template) : null;
        return result with
        {
            Row = record is null ? null : Number(record),
            Rows = key is not null && key == request.KnownRowsKey ? null : [.. (data?.Records ?? []).Select(r => new PreviewRow(Number(r), Label(template, r)))],
            RowsKey = key,
            MoreRows = data?.MoreRows ?? false,
        };
    }

    /// <summary>
    /// Names the row list made of the data file read as <paramref name="stamp"/> for <paramref name="template"/>: it
    /// is made of the file's records and the slot <see cref="Label"/> reads, so from the same two another server makes the same list.
    /// </summary>
    private static string RowsKey(string stamp, TemplateSymbol template) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{stamp}\n{ProspectSlot(template)?.Name}")), 0, 16);

    private static PreviewResult Failed(string template, int budget, params string[] errors) => new()
    {
        Template = template,
        Missing = [],
        Seconds = 0,
        BudgetSeconds = budget,
        Rows = [],
        Rejections = [],
        Warnings = [],
        Errors = errors,
    };

    /// <summary>The template's own errors: with any of them <c>render</c> renders nothing.</summary>
    private static List<string> TemplateErrors(Compilation compilation, TemplateSymbol template)
    {
        var errors = compilation.GetDiagnostics()
            .Where(d => d.Severity == VmLang.Diagnostics.DiagnosticSeverity.Error && compilation.GetTemplateAt(d.Location) == template)
            .Select(d => $"line {d.Location.LineSpan.Start.Line + 1}: {d.Code}: {d.Message}")
            .ToList();
        if (errors.Count == 0 && template.Say is null) errors.Add($"Template '{template.Name}' has no say block.");
        return errors;
    }

    /// <summary>
    /// The row's values, with the name of each slot that has no value and no default in place of the
    /// value: the slots <c>render</c> would reject the row for, or every such slot when there is no row.
    /// </summary>
    private static Dictionary<string, string?> Marked(TemplateSymbol template, IReadOnlyDictionary<string, string?> values, bool hasRow)
    {
        var marked = new Dictionary<string, string?>(values, StringComparer.OrdinalIgnoreCase);
        foreach (var slot in template.Slots)
        {
            var blank = !values.TryGetValue(slot.Name, out var value) || string.IsNullOrWhiteSpace(value);
            if (blank && slot.DefaultValue is null && (!slot.IsOptional || !hasRow)) marked[slot.Name] = $"{MissingStart}{slot.Name}{MissingEnd}";
        }
        return marked;
    }

    /// <summary>Takes the markers out of <paramref name="rendered"/>, noting where each marked name ends up.</summary>
    private static string Unmark(string rendered, out List<MissingValue> missing)
    {
        missing = [];
        var script = new StringBuilder(rendered.Length);
        var start = -1;
        foreach (var c in rendered)
        {
            if (c == MissingStart)
            {
                start = script.Length;
            }
            else if (c == MissingEnd && start >= 0)
            {
                missing.Add(new MissingValue(script.ToString(start, script.Length - start), start, script.Length - start));
                start = -1;
            }
            else
            {
                script.Append(c);
            }
        }
        return script.ToString();
    }

    private static IEnumerable<string> UnusedColumns(TemplateSymbol template, IReadOnlyList<string> columns) =>
        columns.Select(c => RowChecker.UnusedColumnWarning(template, c)).OfType<string>();

    private static int Number(DataRecord record) => record switch
    {
        DataRow row => row.Number,
        DataError { Row: { } row } => row,
        _ => 0,
    };

    private static string Label(TemplateSymbol template, DataRecord record) =>
        ProspectSlot(template) is { } prospect && record.Values.TryGetValue(prospect.Name, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : "";

    private static SlotSymbol? ProspectSlot(TemplateSymbol template) => template.Slots.FirstOrDefault(s => s.Role == Role.Prospect);

    private static string FullPath(string path, DocumentContext document)
    {
        if (path.StartsWith("~/", StringComparison.Ordinal)) path = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..]);
        if (Path.IsPathRooted(path)) return Path.GetFullPath(path);
        var roots = document.Snapshot.Roots;
        var folder = roots.Count > 0 ? roots[0] : Path.GetDirectoryName(document.Tree.FilePath) ?? Directory.GetCurrentDirectory();
        return Path.GetFullPath(Path.Combine(folder, path));
    }
}

/// <summary>A preview with the row's contact value (SSML marks it as a telephone number) and the workspace's settings (speaking rate, pauses).</summary>
internal sealed record RenderedPreview(PreviewResult Result, string? Contact, VmLang.Configuration.WorkspaceConfiguration Configuration);
