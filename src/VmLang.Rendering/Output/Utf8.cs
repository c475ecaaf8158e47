using System.Text;

namespace VmLang.Rendering;

/// <summary>The UTF-8 encodings the writers use; only the rejects CSV has a byte-order mark.</summary>
internal static class Utf8
{
    public static readonly UTF8Encoding NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static readonly UTF8Encoding WithBom = new(encoderShouldEmitUTF8Identifier: true);
}
