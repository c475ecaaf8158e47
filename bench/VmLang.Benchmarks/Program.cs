using BenchmarkDotNet.Running;
using VmLang.Benchmarks;

// `lsp-latency PATH/vmlang.dll [--edits N] [--pause-ms N]` measures the real server over stdio;
// anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "lsp-latency")
{
    return await LspLatencyBenchmark.RunAsync(args[1..]);
}
BenchmarkSwitcher.FromAssembly(typeof(LspLatencyBenchmark).Assembly).Run(args);
return 0;
