namespace VmLang.Rendering;

/// <summary>
/// Every script to one stream (stdout without <c>--out</c>), separated as the format wants.
/// Only scripts are ever written here; diagnostics, progress and totals go to stderr.
/// </summary>
public sealed class StreamScriptSink(TextWriter output, ScriptFormatter formatter, bool leaveOpen = true) : IScriptSink
{
    private bool _any;

    /// <summary>Standard output as UTF-8 without a byte-order mark, whatever the console's encoding.</summary>
    public static StreamScriptSink ForStandardOutput(ScriptFormatter formatter) =>
        new(new StreamWriter(Console.OpenStandardOutput(), Utf8.NoBom, bufferSize: 1 << 16), formatter, leaveOpen: false);

    public void Write(RenderedScript script)
    {
        try
        {
            if (_any)
            {
                output.Write(formatter.Separator);
            }

            formatter.WriteScript(output, script);
            _any = true;
        }
        catch (IOException error)
        {
            throw OutputWriteException.ForStandardOutput(error);
        }
    }

    public void Complete()
    {
        try
        {
            output.Flush();
        }
        catch (IOException error)
        {
            throw OutputWriteException.ForStandardOutput(error);
        }
    }

    public void Dispose()
    {
        if (leaveOpen)
        {
            return;
        }

        try
        {
            output.Dispose();
        }
        catch (IOException)
        {
            // Reported by Write or Complete already; closing retries the same failed flush.
        }
    }
}
