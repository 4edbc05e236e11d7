using BenchmarkDotNet.Running;

// Runs the benchmarks named on the command line (BenchmarkDotNet's own switches: --filter '*Parse*', --job short, ...).
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
