using Signups.Benchmarks;

return await BenchmarkCommandLine.Create().Parse(args).InvokeAsync();
