namespace VmLang.Rendering;

/// <summary>Where rendered scripts go: all to one stream, or one file per row.</summary>
public interface IScriptSink : IDisposable
{
    void Write(RenderedScript script);
}
