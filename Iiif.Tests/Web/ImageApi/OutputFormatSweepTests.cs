using Iiif.Core.Requests;
using Iiif.Imaging.Jpeg2000;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Tests.Web.ImageApi;

/// <summary>Every output format in every quality, in both API versions, for the thinnest outputs there are: 1x1, 1xN and
/// Nx1 (a fuzzer found PDFsharp refusing a one-pixel gray page). Each answer must be a 200 whose decoded pixel size is
/// the one asked for. The source is flat mid-gray: the one-pixel JPEG of gray 128 is one PDFsharp could not read.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class OutputFormatSweepTests
{
    /// <summary>(region/size/rotation, width, height): the fuzzer's URL first (,1 of a 256 px square, rotated 360).</summary>
    private static readonly (string Tail, int Width, int Height)[] Shapes =
    [
        ("256,256,256,256/,1/360", 1, 1),
        ("0,0,1,300/1,/0", 1, 300),
        ("0,0,300,1/300,/0", 300, 1),
        ("full/1,40/90", 40, 1),
    ];

    private IiifTestServer _server = null!;

    private const string Identifier = "mid-gray";

    [OneTimeSetUp]
    public async Task StartServer() => _server = await IiifTestServer.StartAsync(prepare: images =>
    {
        using var flat = new Image<Rgb24>(512, 512, new Rgb24(128, 128, 128));
        new Jpeg2000Encoder(new Jpeg2000EncoderOptions { TileSize = 256 }).Encode(flat, Path.Combine(images, Identifier + ".jp2"));
    });

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    public static IEnumerable<TestCaseData> Requests() =>
        from version in new[] { "2", "3" }
        from format in ImageFormats.All
        from quality in ImageQualities.All
        from shape in Shapes
        select new TestCaseData(version, $"{shape.Tail}/{ImageQualities.Token(quality)}.{ImageFormats.Extension(format)}", shape.Width, shape.Height)
            .SetArgDisplayNames(version, shape.Tail, ImageQualities.Token(quality), ImageFormats.Extension(format));

    [TestCaseSource(nameof(Requests))]
    public async Task Image_ThinOutput_ServedAtThatSize(string version, string tail, int width, int height)
    {
        var response = await _server.GetAsync($"/iiif/{version}/{Identifier}/{tail}");

        Assert.That(response.Status, Is.EqualTo(200), response.ToString());
        Assert.That(DecodedSize(tail, response.Body), Is.EqualTo((width, height)));
    }

    private static (int Width, int Height) DecodedSize(string tail, byte[] body)
    {
        if (tail.EndsWith(".pdf", StringComparison.Ordinal))
        {
            using var document = PdfReader.Open(new MemoryStream(body), PdfDocumentOpenMode.Import);
            var xObjects = document.Pages[0].Resources.Elements.GetDictionary("/XObject")!;
            var image = (PdfDictionary)xObjects.Elements.GetReference(xObjects.Elements.Keys.Single())!.Value;
            return (image.Elements.GetInteger("/Width"), image.Elements.GetInteger("/Height"));
        }

        if (tail.EndsWith(".jp2", StringComparison.Ordinal))
        {
            var facts = Jpeg2000Reader.ReadFacts(new MemoryStream(body));
            return (facts.Width, facts.Height);
        }

        var info = Image.Identify(body);
        return (info.Width, info.Height);
    }
}
