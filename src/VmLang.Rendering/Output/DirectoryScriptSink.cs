namespace VmLang.Rendering;

/// <summary>One file per row in an <see cref="OutputDirectory"/>.</summary>
public sealed class DirectoryScriptSink(OutputDirectory directory, ScriptFormatter formatter) : IScriptSink
{
    public OutputDirectory Directory => directory;

    /// <summary>The full path of the file written last, for a verbose log.</summary>
    public string? LastPath { get; private set; }

    public void Write(RenderedScript script) =>
        LastPath = directory.WriteFile(script.Row, script.Prospect, formatter.FileExtension, formatter.FormatScript(script));

    public void Complete()
    {
    }

    public void Dispose()
    {
    }
}
