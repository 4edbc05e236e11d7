using System.Globalization;
using System.Text.Json;
using Iiif.Tests.Deploy;
using Iiif.Tests.Imaging.Decoding;
using Iiif.Tests.Imaging.Jpeg;
using Iiif.Tests.TestUtilities;
using Iiif.Tests.Web.Configuration;
using Iiif.Web.Configuration;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Iiif.Tests.Web.ImageApi;

/// <summary>A 30000x20000 baseline JPEG (600 megapixels: 1.8 GB as RGB, far beyond the default 768 MB process memory budget) made with
/// vips, served by the server in its own process with the shipped configuration: info.json, a 1024 px overview
/// (decoded at DCT scale 1/8) and a full-resolution tile (decoded in a band), while the process's peak resident
/// memory stays under the budget.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class HugeJpegTests
{
    private const int Zoom = 10;
    private const int Width = 30000;
    private const int Height = 20000;
    private const long BudgetBytes = 768L * 1024 * 1024;

    private WebTestFolder _folder = null!;
    private Image<Rgb24> _pattern = null!;
    private BackgroundProcess _server = null!;
    private Uri _address = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        _folder = new WebTestFolder();
        // Every pixel of the pattern distinct (coordinates as colours), zoomed 10x by vips into the huge JPEG, so a
        // misplaced tile cannot look right.
        _pattern = SourceImages.Coordinates(Width / Zoom, Height / Zoom);
        var small = Path.Combine(_folder.Root, "pattern.png");
        await _pattern.SaveAsPngAsync(small);
        var zoom = Zoom.ToString(CultureInfo.InvariantCulture);
        ExternalTool.Run("vips", "libvips-tools", TimeSpan.FromMinutes(5),
            "zoom", small, Path.Combine(_folder.ImagesDirectory, "huge.jpg") + "[Q=90,strip]", zoom, zoom);

        var port = DeployEnvironment.FreePort();
        _address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        _server = BackgroundProcess.Start("server", Environment.ProcessPath!,
            [Path.Combine(AppContext.BaseDirectory, "Iiif.Web.dll"), .. _folder.HostArgs("--urls", _address.ToString().TrimEnd('/'))]);
        await WaitForStartAsync();
    }

    [OneTimeTearDown]
    public void StopServer()
    {
        _server?.Dispose();
        _pattern?.Dispose();
        _folder?.Dispose();
    }

    [Test]
    [Order(1)]
    public async Task Info_HugeJpeg_HasItsSize()
    {
        var response = await RawHttp.SendAsync(_address, "GET", "/iiif/3/huge/info.json");

        Assert.That(response.Status, Is.EqualTo(200), response.ToString);
        using var info = JsonDocument.Parse(response.Body);
        Assert.That(info.RootElement.GetProperty("width").GetInt32(), Is.EqualTo(Width));
        Assert.That(info.RootElement.GetProperty("height").GetInt32(), Is.EqualTo(Height));
    }

    [Test]
    [Order(2)]
    [Description("A 1024 px overview decodes at 1/8 (3750x2500, 28 MB) instead of 1.8 GB.")]
    public async Task Overview_1024_ShowsTheWholePicture()
    {
        var response = await RawHttp.SendAsync(_address, "GET", "/iiif/3/huge/full/1024,/0/default.jpg");

        Assert.That(response.Status, Is.EqualTo(200), response.ToString);
        using var overview = Image.Load<Rgb24>(response.Body);
        Assert.That(overview.Size(), Is.EqualTo(new Size(1024, 683)));
        using var expected = _pattern.Clone(c => c.Resize(1024, 683, KnownResamplers.Box));
        Assert.That(JpegComparison.MeanDifference(PixelData.Of(overview), PixelData.Of(expected)), Is.LessThan(20),
            "the coordinate pattern wraps every 256 source pixels, so resampling smears it; a wrong picture differs by far more");
    }

    [TestCase(15360, 10240)]
    [TestCase(28672, 18432)]
    [Order(3)]
    [Description("A full-resolution tile is cut from a full-width band of 1024 rows (92 MB) decoded by djpeg.")]
    public async Task Tile_FullResolution_HasThePixelsOfThatPlace(int x, int y)
    {
        var target = string.Create(CultureInfo.InvariantCulture, $"/iiif/3/huge/{x},{y},1024,1024/1024,/0/default.jpg");

        var response = await RawHttp.SendAsync(_address, "GET", target);

        Assert.That(response.Status, Is.EqualTo(200), response.ToString);
        using var tile = Image.Load<Rgb24>(response.Body);
        var expected = PixelData.From(tile.Width, tile.Height, 3, (px, py, c) =>
        {
            var colour = SourceImages.CoordinateColour((x + px) / Zoom, (y + py) / Zoom);
            return c switch { 0 => colour.R, 1 => colour.G, _ => colour.B };
        });
        Assert.That(tile.Size(), Is.EqualTo(new Size(Math.Min(1024, Width - x), Math.Min(1024, Height - y))));
        Assert.That(JpegComparison.MeanDifference(PixelData.Of(tile), expected), Is.LessThan(4));
    }

    [Test]
    [Order(4)]
    [Description("Everything above ran with the process's peak resident memory below the default 768 MB memory budget.")]
    public void Server_PeakMemory_StaysUnderTheBudget()
    {
        var status = File.ReadAllLines($"/proc/{_server.Id.ToString(CultureInfo.InvariantCulture)}/status");
        var peakKilobytes = long.Parse(status.Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
            CultureInfo.InvariantCulture);

        TestContext.Out.WriteLine($"Server peak resident memory: {peakKilobytes / 1024} MB");
        Assert.That(peakKilobytes * 1024, Is.LessThan(BudgetBytes), $"peak {peakKilobytes / 1024} MB");
        Assert.That(new MemoryOptions().BudgetMegabytes * 1024L * 1024, Is.EqualTo(BudgetBytes), "the shipped default");
    }

    private async Task WaitForStartAsync()
    {
        using var client = new HttpClient { BaseAddress = _address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            Assert.That(_server.HasExited, Is.False, _server.ToString);
            try
            {
                if ((await client.GetAsync(new Uri("health/live", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        Assert.Fail($"The server did not start: {_server}");
    }
}
