namespace VmLang.Rendering;

/// <summary>Where rendered scripts go: all to one stream, or one file per row.</summary>
public interface IScriptSink : IDisposable
{
    /// <summary>Writes one script; a failure is an <see cref="OutputWriteException"/> naming what was written.</summary>
    void Write(RenderedScript script);

    /// <summary>Every script is written: flush what is buffered (failures as in <see cref="Write"/>).</summary>
    void Complete();
}
