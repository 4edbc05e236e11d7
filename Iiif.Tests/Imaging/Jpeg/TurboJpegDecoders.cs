using Iiif.Imaging.Decoding;
using Iiif.Tests.Imaging.Decoding;

namespace Iiif.Tests.Imaging.Jpeg;

/// <summary>A TurboJPEG source decoder with its ImageSharp fallback, sharing one budget, as the server wires them.</summary>
internal sealed class TurboJpegDecoders : IDisposable
{
    public TurboJpegDecoders(int budgetMegabytes)
    {
        ImageSharp = SourceImages.Decoder(budgetMegabytes);
        Turbo = new TurboJpegSourceDecoder(PatternImages.TestConfiguration, ImageSharp);
    }

    public ImageSharpSourceDecoder ImageSharp { get; }

    public TurboJpegSourceDecoder Turbo { get; }

    public void Dispose() => ImageSharp.Dispose();
}
