namespace VmLang.Rendering;

/// <summary>
/// Spreadsheet formula injection, both ways. Spreadsheet programs run a cell that starts with
/// <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> as a formula, so the rejects CSV — data that came from
/// outside, opened by people — writes such a cell with a leading apostrophe, the spreadsheets' own
/// "this is text" mark (<c>'+1 817 224 9900</c>). The CSV reader drops that apostrophe again, so
/// the rejects file, once fixed, is render input that says what the original data said.
/// </summary>
public static class FormulaCells
{
    private const char TextMark = '\'';

    public static bool StartsLikeFormula(ReadOnlySpan<char> value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@';

    /// <summary>The cell as the rejects CSV writes it.</summary>
    public static string Escape(string value) => StartsLikeFormula(value) ? TextMark + value : value;

    /// <summary>The value of a CSV cell: a text mark before a formula character is dropped.</summary>
    public static string Unescape(string cell) =>
        cell.Length > 1 && cell[0] == TextMark && StartsLikeFormula(cell.AsSpan(1)) ? cell[1..] : cell;
}
