using Iiif.Core.Requests;
using Iiif.Imaging.Encoding;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;

namespace Iiif.Tests.Imaging.Encoding;

/// <summary>Encoder catalogs and round trips for the encoder tests.</summary>
internal static class TestCatalogs
{
    public static EncoderCatalog Create(EncodingOptions? options = null, params IJp2OutputEncoder[] jp2Encoders) =>
        new(Options.Create(options ?? new EncodingOptions()), jp2Encoders);

    /// <summary>Encodes into a fresh memory stream, returned rewound.</summary>
    public static async Task<MemoryStream> EncodeAsync(IEncoderCatalog catalog, Image image, ImageFormat format)
    {
        var stream = new MemoryStream();
        await catalog.EncodeAsync(image, format, stream, CancellationToken.None);
        stream.Position = 0;
        return stream;
    }
}
