using System.Diagnostics;
using System.Globalization;
using Iiif.Core.Geometry;
using Iiif.Imaging.Jpeg2000;
using Iiif.Tests.TestUtilities;

namespace Iiif.Tests.Imaging.Jpeg2000;

/// <summary>Our in-process decode against OpenJPEG's own command-line decoder (package libopenjp2-tools), when it is
/// installed: same regions, same reductions, same pixels. Inconclusive where the tool is missing.</summary>
[TestFixture]
[Category("Integration")]
public class Jpeg2000CrossCheckTests
{
    private const string Tool = "opj_decompress";

    private readonly Jpeg2000Reader _reader = new();

    [TestCase(0, 0, 0, 640, 480)]
    [TestCase(0, 200, 150, 300, 200)]
    [TestCase(1, 256, 0, 256, 256)]
    [TestCase(2, 100, 100, 333, 222)]
    [TestCase(3, 5, 7, 600, 400)]
    [Description("opj_decompress -d takes the same full-resolution canvas coordinates and -r the same reduction")]
    public void Decode_LosslessRgb_EqualsOpjDecompress(int reduce, int x, int y, int width, int height)
    {
        var path = TestImageFactory.PathOf(TestImageFactory.RgbTiled);
        var region = new PixelRect(x, y, width, height);

        var expected = RunTool(path, region, reduce);
        using var decoded = _reader.Decode(path, region, reduce);

        Assert.That(PixelData.Of(decoded).Samples, Is.EqualTo(expected.Samples));
    }

    [Test]
    [Description("opj_decompress converts sYCC 4:2:0 with its own code; both agree to within rounding")]
    public void Decode_Sycc420_AgreesWithOpjDecompressWithinRounding()
    {
        var path = TestImageFactory.PathOf(TestImageFactory.Sycc420);
        var region = new PixelRect(0, 0, 320, 240);

        var expected = RunTool(path, region, 0);
        using var decoded = _reader.Decode(path, region, 0);

        Assert.That(PixelData.Of(decoded).MaxError(expected), Is.LessThanOrEqualTo(2));
    }

    private static PixelData RunTool(string input, PixelRect region, int reduce)
    {
        var output = Path.Combine(TestImageFactory.Folder, $"crosscheck-{Guid.NewGuid():N}.ppm");
        var arguments = string.Create(CultureInfo.InvariantCulture,
            $"-i \"{input}\" -o \"{output}\" -d {region.X},{region.Y},{region.Right},{region.Bottom} -r {reduce}");
        var start = new ProcessStartInfo(Tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        Process? process = null;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assume.That(false, $"{Tool} is not installed (Debian package libopenjp2-tools).");
        }

        using (process)
        {
            process!.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            Assert.That(process.WaitForExit(30_000), Is.True, $"{Tool} did not finish");
            Assert.That(process.ExitCode, Is.Zero, $"{Tool} failed");
        }

        try
        {
            return ReadPpm(File.ReadAllBytes(output));
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>Binary PPM (P6, maxval 255): a text header of four tokens (and # comments), one whitespace byte, then RGB bytes.</summary>
    private static PixelData ReadPpm(byte[] file)
    {
        var tokens = new List<string>();
        var position = 0;
        while (tokens.Count < 4)
        {
            while (char.IsWhiteSpace((char)file[position]))
            {
                position++;
            }

            if (file[position] == '#')
            {
                // A comment runs to the end of its line.
                while (file[position] != '\n')
                {
                    position++;
                }

                continue;
            }

            var start = position;
            while (!char.IsWhiteSpace((char)file[position]))
            {
                position++;
            }

            tokens.Add(System.Text.Encoding.ASCII.GetString(file, start, position - start));
        }

        Assert.That(tokens[0], Is.EqualTo("P6"));
        var width = int.Parse(tokens[1], CultureInfo.InvariantCulture);
        var height = int.Parse(tokens[2], CultureInfo.InvariantCulture);
        var pixels = file.AsSpan(position + 1, width * height * 3).ToArray();
        return PixelData.From(width, height, 3, (x, y, c) => pixels[(((y * width) + x) * 3) + c]);
    }
}
