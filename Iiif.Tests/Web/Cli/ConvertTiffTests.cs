using Iiif.Core.Geometry;
using Iiif.Imaging.Jpeg2000;
using Iiif.Imaging.Tiff;
using Iiif.Tests.Imaging;
using Iiif.Tests.Imaging.Decoding;
using Iiif.Tests.Imaging.Tiff;
using Iiif.Tests.TestUtilities;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Tests.Web.Cli;

/// <summary><c>iiif convert</c> with TIFF: pyramids of every layout as input, keeping the source's channels, and
/// pyramidal tiled TIFF as output (JPEG or Deflate tiles, 256 or 512 px, levels down to under 256 px).</summary>
[TestFixture]
public sealed class ConvertTiffTests
{
    private string _folder = null!;

    [SetUp]
    public void SetUp() => _folder = CliRunner.NewFolder();

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    [TestCase("deflate-chain", 3)]
    [TestCase("planar-separate-chain", 3)]
    [TestCase("gray-chain", 1)]
    [TestCase("rgba-chain", 4)]
    [TestCase("deflate-strips", 3)]
    [Description("A TIFF becomes a JPEG 2000 with the source's components (RGB is not padded to RGBA) and its exact pixels.")]
    public void Convert_TiffToLosslessJp2_KeepsComponentsAndPixels(string name, int components)
    {
        var output = Path.Combine(_folder, "out.jp2");

        var (exit, stdout, stderr) = CliRunner.Run("convert", TiffTestImages.PathOf(name), output, "--lossless");

        Assert.That(exit, Is.Zero, stderr);
        var facts = Jpeg2000Reader.ReadFacts(output);
        using var decoded = new Jpeg2000Reader().Decode(output, new PixelRect(0, 0, TiffTestImages.Width, TiffTestImages.Height), 0);
        var reference = TiffReference.Load(TiffTestImages.ReferenceOf(name, 0), components, associatedAlpha: false);
        Assert.Multiple(() =>
        {
            Assert.That(stdout, Does.Contain("1000x750, lossless"));
            Assert.That(facts.Components, Has.Count.EqualTo(components));
            Assert.That(PixelData.Of(decoded).MaxError(reference), Is.Zero);
        });
    }

    [Test]
    [Description("A 16-bit TIFF stays 16-bit in a lossless JPEG 2000 and in a Deflate TIFF pyramid.")]
    public void Convert_SixteenBitTiff_StaysSixteenBit()
    {
        var input = TiffTestImages.PathOf("rgb16-chain");
        var jp2 = Path.Combine(_folder, "deep.jp2");
        var tif = Path.Combine(_folder, "deep.tif");

        var toJp2 = CliRunner.Run("convert", input, jp2, "--lossless");
        var toTif = CliRunner.Run("convert", input, tif);

        using var source = (Image<Rgb48>)TiffImageReader.Read(input, SixLabors.ImageSharp.Configuration.Default);
        using var back = (Image<Rgb48>)TiffImageReader.Read(tif, SixLabors.ImageSharp.Configuration.Default);
        Assert.Multiple(() =>
        {
            Assert.That((toJp2.ExitCode, toTif.ExitCode), Is.EqualTo((0, 0)), toJp2.Error + toTif.Error);
            Assert.That(Jpeg2000Reader.ReadFacts(jp2).Components.Select(c => c.Precision), Is.All.EqualTo(16));
            Assert.That(toTif.Out, Does.Contain("RGB 16-bit, Deflate"), "JPEG cannot hold 16 bits");
            Assert.That(Samples(back), Is.EqualTo(Samples(source)));
        });
    }

    [Test]
    [Description("convert in.jpg out.tif: JPEG tiles of 256 px, levels halved (rounded up) until under 256 px, readable by vips.")]
    public void Convert_JpegToTiff_WritesJpegPyramid()
    {
        var input = Path.Combine(_folder, "in.jpg");
        using (var image = SyntheticImages.Rgb(1100, 700))
        {
            image.SaveAsJpeg(input);
        }

        var output = Path.Combine(_folder, "out.tif");

        var (exit, stdout, stderr) = CliRunner.Run("convert", input, output);

        var decoder = TiffDecoders.Create();
        var facts = decoder.FactsOf(new FileSourceHandle(output), CancellationToken.None);
        var sizes = facts.Levels.Select(l => (l.Directory.Width, l.Directory.Height)).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, stderr);
            Assert.That(stderr, Does.Contain("in.jpg: 100% (24/24 tiles)").And.Not.Contain("iiif convert:"));
            Assert.That(stdout, Does.Contain("1100x700 RGB 8-bit, JPEG, 4 level(s) down to 138x88, 256x256 tiles"));
            Assert.That(sizes, Is.EqualTo(new[] { (1100, 700), (550, 350), (275, 175), (138, 88) }));
            Assert.That(facts.Main.Layout.ConvertsJpegToRgb, Is.True, "YCbCr JPEG tiles, servable as they are");
            Assert.That(File.Exists(output + ".part"), Is.False);
        });
        for (var page = 0; page < sizes.Length; page++)
        {
            var png = Path.Combine(_folder, $"page{page}.png");
            ExternalTool.Run("vips", "copy", $"{output}[page={page}]", png);
            using var read = Image.Load(png);
            Assert.That((read.Width, read.Height), Is.EqualTo(sizes[page]), $"vips reads level {page}");
        }
    }

    [Test]
    [Description("--lossless: Deflate tiles; alpha kept; level 1 is the 2 x 2 average of level 0.")]
    public void Convert_RgbaPngLossless_KeepsAlphaAndExactLevels()
    {
        using var source = SyntheticImages.Rgba(700, 530);
        var input = Path.Combine(_folder, "in.png");
        source.SaveAsPng(input);
        var output = Path.Combine(_folder, "out.tif");

        var (exit, stdout, stderr) = CliRunner.Run("convert", input, output, "--lossless", "--tile", "512");

        var decoder = TiffDecoders.Create();
        var file = new FileSourceHandle(output);
        var info = decoder.Identify(file, CancellationToken.None);
        using var level0 = decoder.Decode(file, RenderPlanBuilder.ForImage(700, 530).OnLevelsOf(info).Build(), CancellationToken.None);
        using var level1 = decoder.Decode(file, RenderPlanBuilder.ForImage(700, 530).ReducedBy(1).OnLevelsOf(info).Build(), CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, stderr);
            Assert.That(stdout, Does.Contain("RGB+alpha 8-bit, Deflate").And.Contain("512x512 tiles"));
            Assert.That(PixelData.Of(level0).Samples, Is.EqualTo(PixelData.Of(source).Samples));
            Assert.That(PixelData.Of(level1).MaxError(PixelData.Of(source).Binned(2)), Is.Zero);
        });
    }

    [Test]
    [Description("Folder mode with --tiff writes a pyramid per image.")]
    public void Convert_FolderWithTiff_WritesTifFiles()
    {
        var input = Path.Combine(_folder, "in");
        Directory.CreateDirectory(input);
        using (var rgb = SyntheticImages.Rgb(300, 200))
        {
            rgb.SaveAsPng(Path.Combine(input, "a.png"));
        }

        File.Copy(TiffTestImages.PathOf("jpeg-subifd"), Path.Combine(input, "b.tif"));
        var output = Path.Combine(_folder, "out");

        var (exit, stdout, _) = CliRunner.Run("convert", input, output, "--tiff");

        Assert.That(exit, Is.Zero);
        Assert.That(Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal), Is.EqualTo(new[] { "a.tif", "b.tif" }));
        Assert.That(stdout, Does.Contain("2 of 2 converted"));
    }

    [TestCase("out.tif", new[] { "--tile", "300" }, "--tile must be 256 or 512 for TIFF output")]
    [TestCase("out.tif", new[] { "--rate", "10" }, "--rate, --levels and --j2k are for JPEG 2000 output")]
    [TestCase("out.jp2", new[] { "--quality", "90" }, "--quality is for TIFF output")]
    [TestCase("out.tif", new[] { "--lossless", "--quality", "90" }, "--lossless and --quality exclude each other")]
    [TestCase("out.tif", new[] { "--quality", "0" }, "--quality must be an integer from 1 to 100")]
    [Description("Options that do not fit the output format are refused with one line.")]
    public void Convert_OptionForOtherFormat_ExitsTwo(string output, string[] options, string message)
    {
        var input = Path.Combine(_folder, "in.png");
        using (var rgb = SyntheticImages.Rgb(40, 30))
        {
            rgb.SaveAsPng(input);
        }

        var (exit, _, stderr) = CliRunner.Run(["convert", input, Path.Combine(_folder, output), .. options]);

        Assert.That(exit, Is.EqualTo(Iiif.Web.Cli.CliCommands.UserErrorExitCode));
        Assert.That(stderr, Does.StartWith("iiif convert: ").And.Contain(message));
    }

    [Test]
    [Description("A damaged TIFF input is one line naming the problem, not a stack trace.")]
    public void Convert_TruncatedTiff_ExitsTwoWithReason()
    {
        var bytes = File.ReadAllBytes(TiffTestImages.PathOf("jpeg-chain"));
        var input = Path.Combine(_folder, "cut.tif");
        File.WriteAllBytes(input, bytes[..(bytes.Length / 3)]);

        var (exit, _, stderr) = CliRunner.Run("convert", input, Path.Combine(_folder, "out.jp2"));

        Assert.That(exit, Is.EqualTo(Iiif.Web.Cli.CliCommands.UserErrorExitCode));
        Assert.That(stderr, Does.StartWith("iiif convert: cannot decode").And.Contain("TIFF"));
        Assert.That(stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
    }

    private static ushort[] Samples(Image<Rgb48> image)
    {
        var samples = new List<ushort>();
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var p = image[x, y];
                samples.AddRange([p.R, p.G, p.B]);
            }
        }

        return [.. samples];
    }
}
