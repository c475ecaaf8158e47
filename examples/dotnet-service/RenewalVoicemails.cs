namespace DotnetService;

/// <summary>Where the renewal service finds its voicemail templates at run time: the build copies them beside the assembly.</summary>
public static class RenewalVoicemails
{
    public const string TemplateName = "renewal_notice";

    public static string TemplateFile => Path.Combine(AppContext.BaseDirectory, "Voicemails", "renewal_notice.vml");
}
