using Iiif.Core.Errors;
using Iiif.Core.Identifiers;
using Iiif.Core.Requests;

namespace Iiif.Tests.Core.Requests;

/// <summary>Feeds thousands of random strings (fixed seed, so failures reproduce) to every parser: none may throw, and each
/// answer is a success that respects the grammar's invariants or a 400 (404 for paths) naming the right parameter.</summary>
[TestFixture]
public class ParserFuzzTests
{
    private const int Iterations = 4000;

    // Grammar characters, the validator's junk, signs, exponents, blanks, escapes and awkward Unicode.
    private static readonly string[] Pieces =
    [
        "0", "1", "5", "9", "00", "100", "360", "2147483648", ",", ".", "!", "^", "pct:", "full", "max", "square", "x",
        ":", ";", "<", "=", ">", "@", "[", "\\", "]", "_", "`", "+", "-", "e", "E", " ", "\t", "\0", "%", "%2F", "%2C",
        "%21", "%G", "%C3", "%C3%A9", "/", "..", "info.json", "default", "gray", ".jpg", "\u00E9", "\U0001F600", "\uD800",
        "\u0085", "\u0660", "NaN", "Infinity",
    ];

    [Test]
    [Description("https://iiif.io/api/image/3.0/#4-image-requests: no input makes a parameter parser throw; every failure is a 400 about that parameter.")]
    public void ParameterParsers_RandomInput_NeverThrowAndFailWith400()
    {
        var random = new Random(20250101);
        for (var i = 0; i < Iterations; i++)
        {
            var text = RandomText(random);
            var version = i % 2 == 0 ? ApiVersion.V2 : ApiVersion.V3;
            Check(ImageRequestParser.ParseRegion(text), "region", text, r => r.Kind is RegionKind.Full or RegionKind.Square
                or RegionKind.SquareStart or RegionKind.SquareEnd || (r.Width > 0 && r.Height > 0 && r.X >= 0 && r.Y >= 0));
            Check(ImageRequestParser.ParseSize(version, text), "size", text, s => s.Width is null or > 0
                && s.Height is null or > 0 && s.Percent >= 0 && (version == ApiVersion.V3 || !s.Upscale)
                && (version == ApiVersion.V2 || s.Kind != SizeKind.Full));
            Check(ImageRequestParser.ParseRotation(text), "rotation", text, r => r.Degrees is >= 0 and <= 360);
            Check(ImageRequestParser.ParseQuality(text), "quality", text, _ => true);
            Check(ImageRequestParser.ParseFormat(text), "format", text, _ => true);
            var whole = ImageRequestParser.Parse(version, new ImageIdentifier("id"), text, text, text, text);
            Assert.That(whole.IsSuccess || whole.Error.StatusCode == 400, Is.True, Printable(text));
        }
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#9-uri-encoding-and-decoding: no identifier input throws; each is a valid identifier or a 400 about the identifier.")]
    public void IdentifierParser_RandomInput_NeverThrowsAndFailsWith400()
    {
        var random = new Random(4242);
        for (var i = 0; i < Iterations; i++)
        {
            var text = RandomText(random);
            Check(ImageIdentifierParser.FromRawSegment(text), "identifier", text, id => id.Value.Length > 0);
            Check(ImageIdentifierParser.FromDecoded(text), "identifier", text, id => id.Value == text);
        }
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#2-uri-syntax: no path throws; each parses to a form, or gives 404 (no IIIF shape) or 400 (bad part).")]
    public void PathParser_RandomInput_NeverThrowsAndGives400Or404()
    {
        var random = new Random(303);
        for (var i = 0; i < Iterations; i++)
        {
            var path = "/" + RandomText(random);
            var result = IiifPathParser.Parse(path);
            if (result.IsSuccess)
            {
                Assert.That(result.Value.Identifier.Value, Is.Not.Empty, Printable(path));
                Assert.That(result.Value.Region is null, Is.EqualTo(result.Value.Kind != IiifPathKind.Image), Printable(path));
                continue;
            }

            Assert.That(result.Error.StatusCode, Is.AnyOf(400, 404), Printable(path));
        }
    }

    private static void Check<T>(Result<T> result, string parameter, string text, Func<T, bool> invariant)
    {
        if (result.IsSuccess)
        {
            Assert.That(invariant(result.Value!), Is.True, () => $"{parameter} {Printable(text)} gave {result}");
            return;
        }

        Assert.That((result.Error.StatusCode, result.Error.Parameter), Is.EqualTo((400, parameter)), Printable(text));
        Assert.That(result.Error.Message.Any(char.IsControl), Is.False, Printable(text));
    }

    private static string RandomText(Random random)
    {
        var count = random.Next(0, 8);
        var parts = new string[count];
        for (var i = 0; i < count; i++)
        {
            parts[i] = random.Next(4) == 0
                ? ((char)random.Next(0, 0x300)).ToString()
                : Pieces[random.Next(Pieces.Length)];
        }

        return string.Concat(parts);
    }

    private static string Printable(string text) =>
        string.Concat(text.Select(c => c < 0x20 || c > 0x7E ? $"\\u{(int)c:X4}" : c.ToString()));
}
