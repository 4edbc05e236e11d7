using BenchmarkDotNet.Running;
using Iiif.Benchmarks;

// `htj2k-walk [JP2] [ROUNDS]` runs the timed classic-vs-HTJ2K tile walk; anything else goes to BenchmarkDotNet
// (its own switches: --filter '*Parse*', --job short, ...).
if (args is ["htj2k-walk", .. var rest])
{
    HtJ2kTileWalk.Run(rest);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
