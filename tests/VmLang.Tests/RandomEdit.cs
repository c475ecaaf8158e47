using FsCheck;
using FsCheck.Fluent;

namespace VmLang.Tests;

/// <summary>
/// An edit for property tests: replace <c>Length</c> characters at <c>At</c> (a fraction of the text's
/// length, so one edit fits any text) with <c>Insert</c>.
/// </summary>
internal sealed record RandomEdit(double At, int Length, string Insert)
{
    public static Gen<RandomEdit> Generator(string[] inserts, int maxLength) =>
        from at in Gen.Choose(0, 1000)
        from length in Gen.Choose(0, maxLength)
        from insert in Gen.Elements(inserts)
        select new RandomEdit(at / 1000.0, length, insert);

    public string ApplyTo(string text)
    {
        var at = (int)(At * text.Length);
        return text[..at] + Insert + text[Math.Min(text.Length, at + Length)..];
    }
}
