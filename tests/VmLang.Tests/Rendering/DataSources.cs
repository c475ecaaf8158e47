using System.Text;
using VmLang.Rendering;

namespace VmLang.Tests.Rendering;

/// <summary>Reads test data held in strings.</summary>
internal static class DataSources
{
    public static List<DataRecord> ReadAll(string text, DataFormat format) =>
        ReadAll(Encoding.UTF8.GetBytes(text), format, out _);

    public static List<DataRecord> ReadAll(string text, DataFormat format, out IReadOnlyList<string> columns) =>
        ReadAll(Encoding.UTF8.GetBytes(text), format, out columns);

    public static List<DataRecord> ReadAll(byte[] bytes, DataFormat format, out IReadOnlyList<string> columns)
    {
        using var source = DataSource.Create(new MemoryStream(bytes), format);
        var records = source.ReadRecords().ToList();
        columns = source.Columns.ToList();
        return records;
    }

    public static DataRow AsRow(this DataRecord record) =>
        Assert.IsType<DataRow>(record);

    public static DataError AsError(this DataRecord record) =>
        Assert.IsType<DataError>(record);
}
