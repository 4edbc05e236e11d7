using System.Collections.Concurrent;
using Iiif.Tests.Web.Viewer;
using Microsoft.Playwright;

namespace Iiif.Tests.Web.Auth;

/// <summary>The whole IIIF Authorization Flow in a real headless Chromium against a real server: the viewer shows the
/// degraded substitute and the login prompt, the user logs in through the access service window, the token service
/// answers by postMessage, the probe turns 200 and full-resolution tiles load with the cookie; logout turns it back.</summary>
[TestFixture]
[Category("Browser")]
[Category("Integration")]
[NonParallelizable]
public class AuthBrowserTests
{
    private const string Shown = """
        what => window.iiifAuthState && window.iiifAuthState.shown === what && window.iiifViewer.world.getItemCount() > 0
          && window.iiifViewer.world.getItemAt(0).getFullyLoaded()
        """;

    private const string ShownWidth = "() => window.iiifViewer.world.getItemAt(0).source.width";

    [Test]
    public async Task Viewer_LoginThroughAccessService_ShowsFullImage_LogoutShowsSubstituteAgain()
    {
        if (!File.Exists(ViewerBrowserTests.ChromiumPath))
        {
            Assert.Ignore($"{ViewerBrowserTests.ChromiumPath} is not installed (apt-get install chromium; .ci/run installs it).");
        }

        await using var host = await AuthHost.StartAsync("restricted-book");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ViewerBrowserTests.ChromiumPath,
            Headless = true,
            Args = ViewerBrowserTests.ChromiumArgs,
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 760 } });
        var page = await context.NewPageAsync();
        var tiles = new ConcurrentQueue<(string Url, int Status)>();
        page.Response += (_, response) =>
        {
            if (response.Url.Contains("/iiif/3/restricted-book/", StringComparison.Ordinal) && !response.Url.EndsWith("info.json", StringComparison.Ordinal))
            {
                tiles.Enqueue((response.Url, response.Status));
            }
        };
        var wait = new PageWaitForFunctionOptions { Timeout = 60_000 };

        await page.GotoAsync(new Uri(host.BaseUri, "/viewer/restricted-book").ToString());
        await page.WaitForFunctionAsync(Shown, "substitute", wait);
        var substituteWidth = await page.EvaluateAsync<int>(ShownWidth);
        var heading = await page.TextContentAsync("#auth-heading");
        var confirm = await page.TextContentAsync("#auth-confirm");
        Assert.That(tiles, Is.Empty, "no full-resolution tile is asked for before login");

        var popup = await page.RunAndWaitForPopupAsync(() => page.ClickAsync("#auth-confirm"));
        await popup.FillAsync("input[name=user]", "bob");
        await popup.FillAsync("input[name=password]", AuthHost.Password);
        var loginClosed = ClosedAsync(popup);
        await popup.ClickAsync("button[type=submit]");
        await loginClosed;
        await page.WaitForFunctionAsync(Shown, "full", wait);
        var fullWidth = await page.EvaluateAsync<int>(ShownWidth);
        var status = await page.EvaluateAsync<int>("() => window.iiifAuthState.status");
        var hadToken = await page.EvaluateAsync<bool>("() => typeof window.iiifAuthState.token === 'string'");
        var fullTiles = tiles.ToList();

        var logout = await page.RunAndWaitForPopupAsync(() => page.ClickAsync("#auth-logout"));
        await ClosedAsync(logout);
        await page.WaitForFunctionAsync(Shown, "substitute", wait);
        var afterLogout = await page.EvaluateAsync<int>(ShownWidth);
        using var anonymous = new HttpClient();
        using var tileAfterLogout = await anonymous.GetAsync(new Uri(fullTiles[0].Url));

        var screenshot = Path.Combine(TestContext.CurrentContext.WorkDirectory, "auth-browser-after-logout.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });
        TestContext.AddTestAttachment(screenshot, "The viewer showing the substitute again after logout");

        Assert.Multiple(() =>
        {
            Assert.That(substituteWidth, Is.EqualTo(200), "the degraded substitute is shown before login");
            Assert.That(heading, Is.EqualTo("Registered readers only"));
            Assert.That(confirm, Is.EqualTo("Log in"));
            Assert.That(hadToken, Is.True, "the token came by postMessage");
            Assert.That(status, Is.EqualTo(200), "the probe with the token says 200");
            Assert.That(fullWidth, Is.EqualTo(640), "the full image is shown");
            Assert.That(fullTiles, Is.Not.Empty.And.All.Matches<(string Url, int Status)>(t => t.Status == 200), "full-resolution tiles load with the cookie");
            Assert.That(afterLogout, Is.EqualTo(200), "logout shows the substitute again");
            Assert.That((int)tileAfterLogout.StatusCode, Is.EqualTo(401), "and the full tiles are refused without the cookie");
        });
    }

    /// <summary>Completes when the access service window has closed itself (it does after the form is sent).</summary>
    private static Task ClosedAsync(IPage page)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        page.Close += (_, _) => closed.TrySetResult();
        if (page.IsClosed)
        {
            closed.TrySetResult();
        }

        return closed.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }
}
