using BenchmarkDotNet.Running;
using Iiif.Benchmarks;

// `htj2k-walk [JP2] [ROUNDS]` runs the timed classic-vs-HTJ2K tile walk, `first-screen BASEURL ID` times the viewer's
// first screen in headless Chromium; anything else goes to BenchmarkDotNet
// (its own switches: --filter '*Parse*', --job short, ...).
if (args is ["first-screen", .. var viewerArgs])
{
    await FirstScreen.RunAsync(viewerArgs);
    return;
}

if (args is ["htj2k-walk", .. var rest])
{
    HtJ2kTileWalk.Run(rest);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
