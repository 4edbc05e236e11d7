using Iiif.Core.Info;
using Iiif.Core.Planning;
using Iiif.Core.Requests;
using Iiif.Imaging;
using Iiif.Imaging.Decoding;
using Iiif.Imaging.Sources;
using Iiif.Tests.Imaging.Decoding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SixLabors.ImageSharp;

namespace Iiif.Tests.Imaging;

/// <summary>Issue #13: a source that fails to decode is not decoded again on every request for a while, per source
/// version; a failure of one region (a missing JPEG 2000 tile) does not block the others.</summary>
[TestFixture]
public class DecodeFailureMemoryTests
{
    private static readonly RenderPlan Full = RenderPlanBuilder.ForImage(64, 64).As(ImageFormat.Png).Build();
    private static readonly RenderPlan Corner = RenderPlanBuilder.ForRegion(0, 0, 16, 16).As(ImageFormat.Png).Build();

    [Test]
    public async Task RenderAsync_SourceFailedOnce_RecalledForEveryRegionUntilTheLifetimeEnds()
    {
        var (renderer, decoder, time) = Create(regionOnly: false);
        var source = new BytesSourceHandle("damaged"u8.ToArray());

        var first = await FailAsync(renderer, source, Full);
        var again = await FailAsync(renderer, source, Corner);
        Assert.That(decoder.Decodes, Is.EqualTo(1), "the second request did not decode");
        Assert.That(again.Message, Does.StartWith(first.Message).And.Contain("remembered"));

        time.Advance(DecodeFailureMemory.Lifetime);
        await FailAsync(renderer, source, Full);
        Assert.That(decoder.Decodes, Is.EqualTo(2), "tried again once the lifetime ended");
    }

    [Test]
    public async Task RenderAsync_SourceReplaced_DecodedAgainAtOnce()
    {
        var (renderer, decoder, _) = Create(regionOnly: false);

        await FailAsync(renderer, new BytesSourceHandle("damaged"u8.ToArray(), ticks: 1), Full);
        await FailAsync(renderer, new BytesSourceHandle("damaged"u8.ToArray(), ticks: 2), Full);

        Assert.That(decoder.Decodes, Is.EqualTo(2));
    }

    [Test]
    public async Task RenderAsync_RegionFailed_OtherRegionsStillDecoded()
    {
        var (renderer, decoder, _) = Create(regionOnly: true);
        var source = new BytesSourceHandle("missing tile"u8.ToArray());

        await FailAsync(renderer, source, Full);
        await FailAsync(renderer, source, Full);
        await FailAsync(renderer, source, Corner);

        Assert.That(decoder.Decodes, Is.EqualTo(2), "the full image once, the corner once");
    }

    private static async Task<SourceDecodeException> FailAsync(IImageRenderer renderer, ImageSourceHandle source, RenderPlan plan)
    {
        try
        {
            await renderer.RenderAsync(source, plan, Stream.Null, CancellationToken.None);
        }
        catch (SourceDecodeException e)
        {
            return e;
        }

        Assert.Fail("the render did not fail");
        return null!;
    }

    private static (IImageRenderer Renderer, FailingDecoder Decoder, FakeTimeProvider Time) Create(bool regionOnly)
    {
        var decoder = new FailingDecoder(regionOnly);
        var time = new FakeTimeProvider();
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<IImageDecoder>(decoder)
            .AddIiifImaging()
            .BuildServiceProvider();
        return (services.GetRequiredService<IImageRenderer>(), decoder, time);
    }

    /// <summary>Claims every source and fails to decode it, counting the attempts.</summary>
    private sealed class FailingDecoder(bool regionOnly) : IImageDecoder
    {
        private int _decodes;

        public int Decodes => _decodes;

        public string Name => "failing";

        public bool CanDecode(ReadOnlySpan<byte> header) => true;

        public ImageInfo Identify(ImageSourceHandle source, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Image Decode(ImageSourceHandle source, RenderPlan plan, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _decodes);
            throw new ImageDecodeException("the file ends early") { RegionOnly = regionOnly };
        }
    }
}
