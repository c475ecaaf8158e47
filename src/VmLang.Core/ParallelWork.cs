namespace VmLang;

/// <summary>
/// How many threads a check works on (reading and parsing files, binding them, running the rules). Results
/// never depend on it: work is split by file and put back together in file order, so one thread and many
/// give the same diagnostics in the same order.
/// </summary>
internal static class ParallelWork
{
    /// <summary>The environment variable that caps the threads: a positive number, <c>1</c> for one thread.</summary>
    public const string VariableName = "VMLANG_JOBS";

    private static readonly int FromEnvironment =
        int.TryParse(Environment.GetEnvironmentVariable(VariableName), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var jobs) && jobs > 0
            ? jobs
            : -1;

    // A scope's own cap (tests compare one thread with many), flowing with the code that set it.
    private static readonly AsyncLocal<int> Scoped = new();

    /// <summary>The most threads to use; -1 for as many as the runtime sees fit.</summary>
    public static int MaxDegree => Scoped.Value > 0 ? Scoped.Value : FromEnvironment;

    public static ParallelOptions Options => new() { MaxDegreeOfParallelism = MaxDegree };

    /// <summary>Caps the threads of the work started in this scope (on this async flow) until disposed.</summary>
    public static IDisposable Limit(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        var before = Scoped.Value;
        Scoped.Value = threads;
        return new Restore(before);
    }

    private sealed class Restore(int before) : IDisposable
    {
        public void Dispose() => Scoped.Value = before;
    }
}
