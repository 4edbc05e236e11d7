using BenchmarkDotNet.Attributes;
using Iiif.Core.Identifiers;
using Iiif.Core.Info;
using Iiif.Core.Planning;
using Iiif.Core.Requests;
using Iiif.Imaging;
using Iiif.Imaging.Sources;
using Iiif.Imaging.Tiff;
using Microsoft.Extensions.DependencyInjection;

namespace Iiif.Benchmarks;

/// <summary>What the imaging layer spends on one 256 px tile of a TIFF pyramid (8000x6000, JPEG q85 tiles, written by
/// the converter): served as the stored tile, against decoded by libtiff and encoded again, each through the renderer as
/// the server calls it (decoder selection, structure from the facts cache, libtiff handle, JPEG encode); and an edge tile
/// (64 of its 256 columns inside the image), cut losslessly from the stored tile or decoded and encoded.</summary>
[MemoryDiagnoser]
public class TiffTileBenchmarks
{
    private ServiceProvider _passthrough = null!;
    private ServiceProvider _render = null!;
    private IImageRenderer _stored = null!;
    private IImageRenderer _decoded = null!;
    private ImageSourceHandle _source = null!;
    private RenderPlan _tile = null!;
    private RenderPlan _reducedTile = null!;
    private RenderPlan _edgeTile = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var path = SyntheticSource.EnsureTiff();
        _source = new FileHandle(path);
        _passthrough = Services(passthrough: true);
        _render = Services(passthrough: false);
        _stored = _passthrough.GetRequiredService<IImageRenderer>();
        _decoded = _render.GetRequiredService<IImageRenderer>();
        var info = _stored.Identify(_source, CancellationToken.None);
        _tile = Plan(info, "2048,1024,256,256/256,256/0/default.jpg");
        _reducedTile = Plan(info, "2048,2048,1024,1024/256,256/0/default.jpg");
        _edgeTile = Plan(info, "7936,1024,64,256/64,256/0/default.jpg");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _passthrough.Dispose();
        _render.Dispose();
    }

    [Benchmark(Baseline = true, Description = "stored 256 tile (passthrough)")]
    public long StoredTile() => Render(_stored, _tile);

    [Benchmark(Description = "256 tile decoded + encoded q85")]
    public long DecodedTile() => Render(_decoded, _tile);

    [Benchmark(Description = "256 tile at r2, stored")]
    public long StoredReducedTile() => Render(_stored, _reducedTile);

    [Benchmark(Description = "edge tile, cut from the stored tile")]
    public long StoredEdgeTile() => Render(_stored, _edgeTile, down: true);

    [Benchmark(Description = "edge tile decoded + encoded q85")]
    public long DecodedEdgeTile() => Render(_decoded, _edgeTile, down: true);

    private long Render(IImageRenderer renderer, RenderPlan plan, bool down = false)
    {
        // A different tile each time, as a viewer asks: one of the 4 tiles starting at the planned one, to the right (or,
        // for the right edge, below).
        var step = _next++ % 4;
        var moved = plan with
        {
            SourceRegion = down
                ? plan.SourceRegion with { Y = plan.SourceRegion.Y + (step * plan.SourceRegion.Height) }
                : plan.SourceRegion with { X = plan.SourceRegion.X + (step * plan.SourceRegion.Width) },
        };
        using var output = new MemoryStream();
        renderer.RenderAsync(_source, moved, output, CancellationToken.None).GetAwaiter().GetResult();
        return output.Length;
    }

    private static ServiceProvider Services(bool passthrough)
    {
        var services = new ServiceCollection().AddIiifImaging();
        services.Configure<TiffSourceDecoderOptions>(o => o.StoredTilePassthrough = passthrough);
        return services.BuildServiceProvider();
    }

    private static RenderPlan Plan(ImageInfo info, string tail)
    {
        var parts = tail.Split('/');
        var request = ImageRequestParser.Parse(ApiVersion.V3, new ImageIdentifier("bench"), parts[0], parts[1], parts[2], parts[3]);
        return RenderPlanner.Plan(request.Value!, info, ServerLimits.Unlimited).Value!;
    }

    private sealed class FileHandle(string path)
        : ImageSourceHandle(new ImageIdentifier("bench"), new SourceVersion(new DateTimeOffset(File.GetLastWriteTimeUtc(path)), new FileInfo(path).Length))
    {
        public override string? LocalPath => path;

        public override ISourceReader OpenReader(CancellationToken cancellationToken = default) => new FileSourceReader(path, cancellationToken);
    }
}
