using System.Text.Json.Nodes;
using Iiif.Core.Geometry;
using Iiif.Core.Info;
using Iiif.Core.Planning;

namespace Iiif.Tests.Core.Info;

/// <summary>The images and options the info tests share, and small readers for the JSON they produce.</summary>
internal static class InfoTestImages
{
    /// <summary>The identifier <c>ms/42</c>, encoded as a client sends it (https://iiif.io/api/image/3.0/#9-uri-encoding-and-decoding: the slash stays encoded).</summary>
    public const string BaseUri = "https://images.example.org/iiif/3/ms%2F42";

    /// <summary>7561x5003 JPEG 2000, 5 decomposition levels (6 resolution levels), native 1024x1024 tiles.</summary>
    public static ImageInfo Large { get; } = new(7561, 5003, 6, new PixelSize(1024, 1024), IsGrayscale: false);

    /// <summary>The same size without tiles or a pyramid (e.g. a plain JPEG).</summary>
    public static ImageInfo LargeUntiled { get; } = new(7561, 5003, 1, null, IsGrayscale: false);

    /// <summary>The same size, one colour component.</summary>
    public static ImageInfo LargeGray { get; } = Large with { IsGrayscale = true };

    /// <summary>1000x800, 3 resolution levels, untiled: the small case whose JSON is compared verbatim.</summary>
    public static ImageInfo Small { get; } = new(1000, 800, 3, null, IsGrayscale: false);

    public static InfoOptions Options(ServerLimits limits) => new(BaseUri, limits);

    public static ServerLimits Limits(int? maxWidth = null, int? maxHeight = null, long? maxArea = null, bool upscaling = false) =>
        new(maxWidth, maxHeight, maxArea, upscaling, null);

    /// <summary>The full-resolution sizes of <see cref="Large"/>, ceil(w/2^r) x ceil(h/2^r), smallest first:
    /// r=5: 7561/32=236.28 -> 237, 5003/32=156.34 -> 157; r=4: 472.56 -> 473, 312.69 -> 313;
    /// r=3: 945.13 -> 946, 625.38 -> 626; r=2: 1890.25 -> 1891, 1250.75 -> 1251; r=1: 3780.5 -> 3781, 2501.5 -> 2502;
    /// r=0: 7561 x 5003.</summary>
    public static string[] LargeSizes { get; } = ["237x157", "473x313", "946x626", "1891x1251", "3781x2502", "7561x5003"];

    public static string[] Keys(JsonObject node) => [.. node.Select(p => p.Key)];

    public static string[] SizeStrings(JsonNode? sizes) =>
        [.. sizes!.AsArray().Select(s => $"{(int)s!["width"]!}x{(int)s["height"]!}")];

    public static string[] Strings(JsonNode? array) => [.. array!.AsArray().Select(v => (string)v!)];

    public static int[] Ints(JsonNode? array) => [.. array!.AsArray().Select(v => (int)v!)];
}
