using Iiif.Core.Geometry;
using Iiif.Imaging.Jpeg2000;
using Iiif.Tests.Imaging;
using Iiif.Tests.TestUtilities;
using Iiif.Web.Cli;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Metadata.Profiles.Icc;
using SixLabors.ImageSharp.PixelFormats;

namespace Iiif.Tests.Web.Cli;

[TestFixture]
public sealed class ConvertCommandTests
{
    private string _folder = null!;

    [SetUp]
    public void SetUp() => _folder = CliRunner.NewFolder();

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    [Test]
    [Description("IIIF-friendly layout (Image API 3.0 section 5.6 tiles and sizes): tiles, RPCL, smallest level under 256 px; lossless is exact")]
    public void Convert_PngLossless_WritesTiledRpclFileWithExactPixels()
    {
        using var source = SyntheticImages.Rgb(600, 500);
        var input = Save(source.Clone(), "in.png");
        var output = Path.Combine(_folder, "out.jp2");

        var (exit, stdout, stderr) = CliRunner.Run("convert", input, output, "--lossless", "--tile", "256");

        var facts = Jpeg2000Reader.ReadFacts(output);
        using var decoded = new Jpeg2000Reader().Decode(output, new PixelRect(0, 0, 600, 500), 0);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero);
            Assert.That(stderr, Does.Contain("in.png: 100% (6/6 tiles)").And.Not.Contain("iiif convert:"));
            Assert.That(stdout, Does.Contain("600x500, lossless"));
            Assert.That((facts.TileWidth, facts.TileHeight, facts.TileCount), Is.EqualTo((256, 256, 6)));
            Assert.That(facts.ProgressionOrder, Is.EqualTo(Jpeg2000ProgressionOrder.Rpcl));
            Assert.That(facts.IsReversible, Is.True);
            Assert.That(600 >> (facts.ResolutionLevels - 1), Is.LessThan(256));
            Assert.That(600 >> (facts.ResolutionLevels - 2), Is.GreaterThanOrEqualTo(256));
            Assert.That(PixelsEqual(source, decoded.CloneAs<Rgb24>()), Is.True);
            Assert.That(File.Exists(output + ".part"), Is.False);
        });
    }

    [Test]
    [Description("Default conversion: lossy 9/7 with three quality layers, 1024 tiles")]
    public void Convert_Defaults_LossyWithLayers()
    {
        var input = Save(SyntheticImages.Rgb(1100, 300), "in.tif");
        var output = Path.Combine(_folder, "out.jp2");

        var (exit, _, _) = CliRunner.Run("convert", input, output);

        var facts = Jpeg2000Reader.ReadFacts(output);
        Assert.That((exit, facts.IsReversible, facts.QualityLayers, facts.TileWidth, facts.TileCount), Is.EqualTo((0, false, 3, 1024, 2)));
    }

    [Test]
    [Description("16-bit sources stay 16-bit; --levels and --j2k are honoured")]
    public void Convert_SixteenBitPngToJ2k_KeepsPrecision()
    {
        // A PNG: ImageSharp 2.1.13 writes 16-bit PNG but only 8-bit TIFF.
        var input = Path.Combine(_folder, "deep.png");
        using (var deep = SyntheticImages.Rgb16(300, 200))
        {
            deep.SaveAsPng(input, new PngEncoder { BitDepth = PngBitDepth.Bit16, ColorType = PngColorType.Rgb });
        }

        var output = Path.Combine(_folder, "deep.j2k");

        var (exit, _, _) = CliRunner.Run("convert", input, output, "--lossless", "--levels", "3", "--j2k");

        var facts = Jpeg2000Reader.ReadFacts(output);
        Assert.That(
            (exit, facts.Container, facts.ResolutionLevels, facts.Components[0].Precision),
            Is.EqualTo((0, Jpeg2000Container.J2k, 3, 16)));
    }

    [Test]
    [Description("The source's ICC profile is embedded in the JP2 header (colour stays managed after conversion)")]
    public void Convert_JpegWithIccProfile_EmbedsProfile()
    {
        var input = Path.Combine(_folder, "icc.jpg");
        using (var image = SyntheticImages.Rgb(64, 48))
        {
            image.Metadata.IccProfile = new IccProfile(TestIccProfiles.MinimalRgb());
            image.SaveAsJpeg(input);
        }

        var output = Path.Combine(_folder, "icc.jp2");

        var (exit, _, _) = CliRunner.Run("convert", input, output);

        Assert.That((exit, Jpeg2000Reader.ReadFacts(output).HasIccProfile), Is.EqualTo((0, true)));
    }

    [Test]
    [Description("Folder mode converts every tif/tiff/jpg/jpeg/png and nothing else")]
    public void Convert_Folder_ConvertsEveryImage()
    {
        var input = Path.Combine(_folder, "in");
        Directory.CreateDirectory(input);
        using (var rgb = SyntheticImages.Rgb(64, 48))
        {
            rgb.SaveAsPng(Path.Combine(input, "a.png"));
            rgb.SaveAsJpeg(Path.Combine(input, "b.JPG"));
            rgb.SaveAsTiff(Path.Combine(input, "c.tif"));
        }

        File.WriteAllText(Path.Combine(input, "notes.txt"), "not an image");
        var output = Path.Combine(_folder, "out");

        var (exit, stdout, _) = CliRunner.Run("convert", input, output);

        var written = Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero);
            Assert.That(written, Is.EqualTo(new[] { "a.jp2", "b.jp2", "c.jp2" }));
            Assert.That(stdout, Does.Contain("3 of 3 converted"));
        });
    }

    [TestCase("missing", "input file not found")]
    [TestCase("text", "unsupported format")]
    [TestCase("no-output-folder", "output folder does not exist")]
    [TestCase("output-is-folder", "is a folder")]
    [TestCase("bad-rate", "--rate must be a number")]
    [TestCase("both", "--lossless and --rate exclude each other")]
    [TestCase("unknown", "unknown option '--fast'")]
    [TestCase("one-path", "required argument 'output' missing")]
    [TestCase("png-output", "name the output .jp2 (a JP2 file), .j2k (a raw codestream) or .tif (a TIFF pyramid)")]
    [TestCase("j2k-as-jp2", "--j2k writes a raw codestream: name the output .j2k")]
    [TestCase("too-many-levels", "cannot encode")]
    [Description("Errors: exit code 2 and a single line on standard error, no stack trace")]
    public void Convert_Error_ExitsTwoWithOneLine(string scenario, string message)
    {
        var png = Save(SyntheticImages.Rgb(40, 30), "ok.png");
        var text = Path.Combine(_folder, "text.png");
        File.WriteAllText(text, "hello");
        var output = Path.Combine(_folder, "out.jp2");
        string[] args = scenario switch
        {
            "missing" => ["convert", Path.Combine(_folder, "nope.tif"), output],
            "text" => ["convert", text, output],
            "no-output-folder" => ["convert", png, Path.Combine(_folder, "nowhere", "out.jp2")],
            "output-is-folder" => ["convert", png, _folder],
            "bad-rate" => ["convert", png, output, "--rate", "fast"],
            "both" => ["convert", png, output, "--lossless", "--rate", "10"],
            "unknown" => ["convert", png, output, "--fast"],
            "one-path" => ["convert", png],
            "png-output" => ["convert", png, Path.Combine(_folder, "x.png")],
            "j2k-as-jp2" => ["convert", png, output, "--j2k"],
            _ => ["convert", png, output, "--levels", "12"],
        };

        var (exit, _, stderr) = CliRunner.Run(args);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(CliCommands.UserErrorExitCode));
            Assert.That(stderr, Does.StartWith("iiif convert: ").And.Contain(message));
            Assert.That(stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(File.Exists(output), Is.False);
            Assert.That(Directory.GetFiles(_folder).Select(Path.GetFileName), Is.EquivalentTo(new[] { "ok.png", "text.png" }), "nothing written");
        });
    }

    [Test]
    [Description("A write error names the file the user asked for, never the temporary name it is written under")]
    public void Convert_WriteFails_NamesOutputNotTemporaryFile()
    {
        var png = Save(SyntheticImages.Rgb(40, 30), "ok.png");
        var output = Path.Combine(_folder, "out.jp2");
        // A folder where the temporary file would go: the write fails even for root, who ignores file modes.
        Directory.CreateDirectory(output + ".part");

        var (exit, _, stderr) = CliRunner.Run("convert", png, output);

        Assert.That(exit, Is.EqualTo(CliCommands.UserErrorExitCode));
        Assert.That(stderr, Does.StartWith($"iiif convert: cannot write '{output}'").And.Not.Contain(".part"));
    }

    [Test]
    [Description("--help prints the generated usage and the details, and succeeds")]
    public void Convert_Help_PrintsUsage()
    {
        var (exit, stdout, _) = CliRunner.Run("convert", "--help");

        Assert.That((exit, stdout.Contains("iiif convert <input> <output> [options]", StringComparison.Ordinal)), Is.EqualTo((0, true)));
        Assert.That(stdout, Does.Contain("--lossless").And.Contain("Exit codes:"));
    }

    private string Save(Image image, string name)
    {
        var path = Path.Combine(_folder, name);
        using (image)
        {
            image.Save(path);
        }

        return path;
    }

    private static bool PixelsEqual(Image<Rgb24> a, Image<Rgb24> b)
    {
        for (var y = 0; y < a.Height; y++)
        {
            for (var x = 0; x < a.Width; x++)
            {
                if (a[x, y] != b[x, y])
                {
                    return false;
                }
            }
        }

        return a.Size() == b.Size();
    }
}
