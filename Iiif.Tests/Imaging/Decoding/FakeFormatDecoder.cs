using Iiif.Core.Info;
using Iiif.Core.Planning;
using Iiif.Imaging.Decoding;
using Iiif.Imaging.Sources;
using SixLabors.ImageSharp;

namespace Iiif.Tests.Imaging.Decoding;

/// <summary>Stands in for a decoder registered later (the JPEG 2000 one): it claims its formats by signature and records
/// the header lengths it was shown, but decodes nothing.</summary>
internal sealed class FakeFormatDecoder(string name, params SourceFormat[] formats) : IImageDecoder
{
    public List<int> HeaderLengths { get; } = [];

    public string Name => name;

    public bool CanDecode(ReadOnlySpan<byte> header)
    {
        HeaderLengths.Add(header.Length);
        return formats.Contains(SourceFormatSniffer.Detect(header));
    }

    public ImageInfo Identify(ImageSourceHandle source, CancellationToken cancellationToken) =>
        throw new NotSupportedException("A fake decoder identifies nothing.");

    public Image Decode(ImageSourceHandle source, RenderPlan plan, CancellationToken cancellationToken) =>
        throw new NotSupportedException("A fake decoder decodes nothing.");
}
