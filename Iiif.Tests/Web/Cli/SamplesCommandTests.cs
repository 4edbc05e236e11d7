using Iiif.Imaging.Jpeg2000;
using Iiif.Imaging.Tiff;

namespace Iiif.Tests.Web.Cli;

[TestFixture]
public sealed class SamplesCommandTests
{
    private static readonly string[] Expected = ["julia-40x30-lossless.jp2", "mandelbrot-320x240.jp2", "terrain-80x60.tif"];

    private string _folder = null!;

    [SetUp]
    public void SetUp() => _folder = CliRunner.NewFolder();

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    [Test]
    [Description("samples renders the Mandelbrot (lossy, tiled), Julia (lossless) and TIFF samples when missing")]
    public void Samples_EmptyFolder_MakesEveryFile()
    {
        var target = Path.Combine(_folder, "samples");

        var (exit, stdout, _) = CliRunner.Run("samples", target, "--size", "320x240");

        var mandelbrot = Jpeg2000Reader.ReadFacts(Path.Combine(target, "mandelbrot-320x240.jp2"));
        var julia = Jpeg2000Reader.ReadFacts(Path.Combine(target, "julia-40x30-lossless.jp2"));
        var terrain = TiffImageReader.Describe(Path.Combine(target, "terrain-80x60.tif"));
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero);
            Assert.That(Directory.GetFiles(target).Select(Path.GetFileName).Order(StringComparer.Ordinal), Is.EqualTo(Expected));
            Assert.That((mandelbrot.Width, mandelbrot.Height, mandelbrot.IsReversible), Is.EqualTo((320, 240, false)));
            Assert.That((julia.Width, julia.IsReversible), Is.EqualTo((40, true)));
            Assert.That(terrain, Does.StartWith("80x60 RGB 8-bit, JPEG, 1 level(s)"));
            Assert.That(stdout, Does.Contain("made ").And.Contain("mandelbrot-320x240.jp2"));
        });
    }

    [Test]
    [Description("samples skips files that exist and leaves them untouched")]
    public void Samples_SecondRun_SkipsExisting()
    {
        CliRunner.Run("samples", _folder, "--size", "320x240");
        var before = Expected.Select(f => File.ReadAllBytes(Path.Combine(_folder, f))).ToList();
        File.WriteAllText(Path.Combine(_folder, "mandelbrot-320x240.jp2"), "kept");

        var (exit, stdout, _) = CliRunner.Run("samples", _folder, "--size", "320x240");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero);
            Assert.That(stdout, Does.Not.Contain("made "));
            Assert.That(stdout.Split('\n').Count(l => l.StartsWith("exists ", StringComparison.Ordinal)), Is.EqualTo(3));
            Assert.That(File.ReadAllText(Path.Combine(_folder, "mandelbrot-320x240.jp2")), Is.EqualTo("kept"));
            Assert.That(File.ReadAllBytes(Path.Combine(_folder, "terrain-80x60.tif")), Is.EqualTo(before[2]));
        });
    }

    [Test]
    [Description("samples are deterministic: two runs write identical files")]
    public void Samples_TwoFolders_IdenticalBytes()
    {
        var other = Path.Combine(_folder, "other");
        CliRunner.Run("samples", _folder, "--size", "320x240");
        CliRunner.Run("samples", other, "--size", "320x240");

        Assert.That(Expected.Select(f => File.ReadAllBytes(Path.Combine(other, f))), Is.EqualTo(Expected.Select(f => File.ReadAllBytes(Path.Combine(_folder, f)))));
    }

    [TestCase("--size", "big", "--size must be WxH")]
    [TestCase("a", "b", "unexpected argument 'b'")]
    [TestCase("--colour", "red", "unknown option")]
    [Description("samples errors: exit code 2 and one line")]
    public void Samples_BadArguments_ExitTwo(string first, string second, string message)
    {
        var (exit, _, stderr) = CliRunner.Run("samples", first, second);

        Assert.That((exit, stderr.StartsWith("iiif samples: ", StringComparison.Ordinal), stderr.Contains(message, StringComparison.Ordinal)), Is.EqualTo((2, true, true)));
    }
}
