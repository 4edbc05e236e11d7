using BenchmarkDotNet.Attributes;
using Iiif.Core.Geometry;
using Iiif.Core.Info;
using Iiif.Core.Planning;
using Iiif.Core.Requests;

namespace Iiif.Benchmarks;

/// <summary>The per-request cost of Core: a typical OpenSeadragon tile URL (3.0, 1024 px region at scale factor 2 to a
/// 512 px tile) parsed from the raw path and planned against a 7561x5003, 6-level, 1024-tiled JPEG 2000.</summary>
[MemoryDiagnoser]
public class ParseAndPlanBenchmarks
{
    private const string TilePath = "/ark:%2F12025%2F654xz321/2048,1024,1024,1024/512,512/0/default.jpg";

    private static readonly ImageInfo Info = new(7561, 5003, 6, new PixelSize(1024, 1024), false);
    private static readonly ServerLimits Limits = new(10000, 10000, 100_000_000, false, null);

    private RenderPlan _plan = null!;

    [GlobalSetup]
    public void Setup() => _plan = ParseAndPlan();

    [Benchmark(Baseline = true)]
    public RenderPlan ParseAndPlan()
    {
        var path = IiifPathParser.Parse(TilePath).Value!;
        var request = ImageRequestParser.Parse(ApiVersion.V3, path).Value!;
        return RenderPlanner.Plan(request, Info, Limits).Value!;
    }

    [Benchmark]
    public string ParsePlanAndCanonical() => CanonicalImageRequest.Format(ParseAndPlan());

    [Benchmark]
    public string CanonicalOnly() => CanonicalImageRequest.Format(_plan);
}
