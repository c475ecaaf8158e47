using VmLang.Configuration;
using VmLang.Diagnostics;
using VmLang.Syntax;

namespace VmLang.Tests.Checking;

/// <summary>Compiles small in-memory workspaces for checker tests.</summary>
internal static class Check
{
    /// <summary>A voicemail template with every required role said; a <c>say</c> argument replaces its message.</summary>
    /// <summary>A message that says every slot of <see cref="Template"/>.</summary>
    public const string Everything = "Hi {{ prospect | first }}, {{ rep }} at {{ firm }}. {{ pain }}; we {{ gain }}. I'll call {{ when }}, or reach me at {{ number }}.";

    public static string Template(string name = "t", string members = "", string? say = null, string channel = "voicemail")
    {
        return $"template {name} for {channel} {{\n" +
               $"  {members}\n" +
               "  slot prospect : prospect\n" +
               "  slot rep : caller\n" +
               "  slot firm : company\n" +
               "  slot pain : reason\n" +
               "  slot gain : benefit\n" +
               "  slot when : callback\n" +
               "  slot number : contact\n" +
               "  say \"\"\"\n" +
               $"    {say ?? Everything}\n" +
               "    \"\"\"\n" +
               "}\n";
    }

    public static Compilation Compile(params string[] files) => Compile(WorkspaceConfiguration.Default, files);

    public static Compilation Compile(WorkspaceConfiguration configuration, params string[] files) =>
        Compilation.Create(files.Select((text, i) => SyntaxTree.Parse(text, $"file{i}.vml")), configuration);

    public static List<Diagnostic> Diagnostics(params string[] files) => [.. Compile(files).GetDiagnostics()];

    public static List<string> Codes(params string[] files) => [.. Diagnostics(files).Select(d => d.Code)];

    public static WorkspaceConfiguration Config(string json) => ConfigurationParser.Parse(json, "vmlang.json");
}
