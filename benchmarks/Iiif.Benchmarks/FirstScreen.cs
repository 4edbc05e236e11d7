using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace Iiif.Benchmarks;

/// <summary>Time to a fully drawn first screen: the server's own viewer page (OpenSeadragon) opened in Debian's headless
/// Chromium on a running server, from navigation until OpenSeadragon reports every tile of the home view drawn. Each
/// run uses a fresh browser context (empty HTTP cache); start the server fresh before each run for a cold first view
/// (benchmarks/load/first-screen.sh does, alternating the settings it compares).</summary>
/// <remarks>Run: <c>dotnet Iiif.Benchmarks.dll first-screen BASEURL IDENTIFIER [WIDTHxHEIGHT]</c>, e.g.
/// <c>first-screen http://127.0.0.1:8320 big.jp2 1600x900</c>. Prints one line: milliseconds, tiles drawn, tile size.</remarks>
internal static class FirstScreen
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private const string FullyLoaded = """
        () => window.iiifViewerState !== undefined && (window.iiifViewerState.openFailed !== null
          || (window.iiifViewer.world.getItemCount() > 0 && window.iiifViewer.world.getItemAt(0).getFullyLoaded()))
        """;

    public static async Task RunAsync(string[] args)
    {
        if (args.Length < 2)
        {
            throw new ArgumentException("usage: first-screen BASEURL IDENTIFIER [WIDTHxHEIGHT]");
        }

        var viewport = (args.Length > 2 ? args[2] : "1600x900").Split('x').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = viewport[0], Height = viewport[1] },
        });
        var page = await context.NewPageAsync();
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(new Uri(new Uri(args[0]), "/viewer/" + args[1]).ToString());
        await page.WaitForFunctionAsync(FullyLoaded, null, new PageWaitForFunctionOptions { Timeout = 120_000, PollingInterval = 5 });
        var elapsed = clock.Elapsed.TotalMilliseconds;
        var failed = await page.EvaluateAsync<string?>("() => window.iiifViewerState.openFailed");
        if (failed is not null)
        {
            throw new InvalidOperationException("The viewer could not open the image: " + failed);
        }

        var tiles = await page.EvaluateAsync<int>("() => window.iiifViewerState.tilesLoaded");
        var tileSize = await page.EvaluateAsync<int>("() => window.iiifViewer.world.getItemAt(0).source.getTileWidth(0)");
        Console.WriteLine(FormattableString.Invariant($"FIRST_SCREEN ms={elapsed:0} tiles={tiles} tile={tileSize} viewport={viewport[0]}x{viewport[1]}"));
    }
}
