using System.CommandLine;
using VmLang.Rendering;

namespace VmLang.Cli.Commands;

/// <summary>
/// <c>vmlang render FILE --template NAME --data DATA [--format text|jsonl|ssml|md|wav] [--out DIR] [--rejects CSV] [--data-format csv|json|jsonl] [--measure] [--voice NAME] [--jobs N]</c>.
/// </summary>
internal static class RenderCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, Func<Stream> openStdin)
    {
        var file = new Argument<string>("file") { Description = "The .vml file that declares the template (its folder is the workspace)." };
        var template = new Option<string>("--template", "-t") { Description = "The template to render.", Required = true };
        var data = new Option<string>("--data", "-d") { Description = "Prospect data: CSV with a header row, a JSON array of objects, or JSON Lines; '-' reads standard input.", Required = true };
        var format = new Option<string>("--format") { Description = "Script format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "jsonl", "ssml", "md", RenderSpeech.WavFormat);
        var dataFormat = new Option<string?>("--data-format") { Description = "Data format when the extension does not tell (csv, json, jsonl)." };
        dataFormat.AcceptOnlyFromAmong("csv", "json", "jsonl", "ndjson");
        var outDir = new Option<string?>("--out", "-o") { Description = "Write one file per row into this folder instead of stdout." };
        var rejects = new Option<string?>("--rejects") { Description = "Write rejected rows to this CSV with a 'reason' column." };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Rows rendered in parallel (default: the processor count); output is the same for any N.", DefaultValueFactory = _ => Environment.ProcessorCount };
        jobs.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1) result.AddError("--jobs must be at least 1");
        });

        var measure = new Option<bool>("--measure") { Description = "Speak each script with espeak-ng and report its length next to the estimate (jsonl: spokenSeconds)." };
        var voice = new Option<string?>("--voice") { Description = "The espeak-ng voice for --format wav and --measure (e.g. en-us)." };

        var command = new Command("render", "Fill a template from prospect data and write the scripts.")
        {
            file, template, data, format, dataFormat, outDir, rejects, measure, voice, jobs,
        };
        command.SetAction(result => new RenderRun(
            new RenderRequest(
                result.GetValue(file)!,
                result.GetValue(template)!,
                result.GetValue(data)!,
                result.GetValue(format)!,
                result.GetValue(dataFormat),
                result.GetValue(outDir),
                result.GetValue(rejects),
                result.GetValue(voice),
                result.GetValue(measure),
                result.GetValue(jobs)),
            stdout,
            stderr,
            openStdin).Execute());
        return command;
    }
}

internal sealed record RenderRequest(
    string File,
    string Template,
    string Data,
    string Format,
    string? DataFormat,
    string? OutDirectory,
    string? RejectsPath,
    string? Voice = null,
    bool Measure = false,
    int Jobs = 1)
{
    public bool ReadsStandardInput => Data == StandardInputData.Argument;

    /// <summary>How row messages name the data: its file name, or "stdin".</summary>
    public string DataName => ReadsStandardInput ? StandardInputData.DisplayName : Path.GetFileName(Data);

    /// <summary>How a read error names the data: the path as given, or "stdin".</summary>
    public string DataPath => ReadsStandardInput ? StandardInputData.DisplayName : Data;
}
