using Iiif.Core.Requests;

namespace Iiif.Tests.Core.Requests;

[TestFixture]
public class StrictNumberTests
{
    [TestCase("0", 0)]
    [TestCase("7", 7)]
    [TestCase("007", 7)]
    [TestCase("1000", 1000)]
    [TestCase("2147483647", int.MaxValue)]
    [TestCase("00000000000000000000002147483647", int.MaxValue)]
    [Description("https://iiif.io/api/image/3.0/#47-floating-point-values: pixel values are integers written with digits only; leading zeros are accepted (our decision).")]
    public void TryParseInteger_Digits_ReturnsValue(string text, int expected)
    {
        Assert.That(StrictNumber.TryParseInteger(text, out var value), Is.EqualTo(NumberScan.Ok));
        Assert.That(value, Is.EqualTo(expected));
    }

    [TestCase("")]
    [TestCase("+1")]
    [TestCase("-1")]
    [TestCase("1e3")]
    [TestCase("1E3")]
    [TestCase(" 1")]
    [TestCase("1 ")]
    [TestCase("1\t")]
    [TestCase("1.0")]
    [TestCase("1.")]
    [TestCase(".1")]
    [TestCase("0x1F")]
    [TestCase("1F")]
    [TestCase("1,000")]
    [TestCase("1_000")]
    [TestCase("NaN")]
    [TestCase("Infinity")]
    [TestCase("\uFF11")]
    [TestCase("\u0663")]
    [TestCase("1\0")]
    [Description("https://iiif.io/api/image/3.0/#47-floating-point-values: integers have no sign, exponent, point, whitespace, separators or non-ASCII digits.")]
    public void TryParseInteger_NotPlainDigits_IsMalformed(string text)
    {
        Assert.That(StrictNumber.TryParseInteger(text, out _), Is.EqualTo(NumberScan.Malformed));
    }

    [TestCase("2147483648")]
    [TestCase("4294967296")]
    [TestCase("99999999999")]
    [TestCase("9223372036854775808")]
    [Description("Pixel values must fit in int: an overflow is a 400, never an exception.")]
    public void TryParseInteger_BeyondInt_IsOutOfRange(string text)
    {
        Assert.That(StrictNumber.TryParseInteger(text, out _), Is.EqualTo(NumberScan.OutOfRange));
    }

    [Test]
    [Description("A length bound makes huge inputs fail before any arithmetic.")]
    public void TryParse_LongerThanBound_IsTooLong()
    {
        var text = new string('0', StrictNumber.MaxLength + 1);
        Assert.Multiple(() =>
        {
            Assert.That(StrictNumber.TryParseInteger(text, out _), Is.EqualTo(NumberScan.TooLong));
            Assert.That(StrictNumber.TryParseDecimal(text, out _), Is.EqualTo(NumberScan.TooLong));
            Assert.That(StrictNumber.TryParseInteger(new string('9', 100_000), out _), Is.EqualTo(NumberScan.TooLong));
        });
    }

    [TestCase("0", "0")]
    [TestCase("12", "12")]
    [TestCase("12.5", "12.5")]
    [TestCase("0.5", "0.5")]
    [TestCase("007.50", "7.5")]
    [TestCase("0.0000000001", "0.0000000001")]
    [TestCase("999999999.9999999999", "999999999.9999999999")]
    [TestCase("360", "360")]
    [Description("https://iiif.io/api/image/3.0/#47-floating-point-values: percentages and rotation may be decimals: digits with at most one inner '.'.")]
    public void TryParseDecimal_Decimal_ReturnsValue(string text, string expected)
    {
        Assert.That(StrictNumber.TryParseDecimal(text, out var value), Is.EqualTo(NumberScan.Ok));
        Assert.That(value, Is.EqualTo(ParserAssert.Dec(expected)));
    }

    [TestCase("90.0", "90")]
    [TestCase("12.500", "12.5")]
    [TestCase("0.10", "0.1")]
    [Description("https://iiif.io/api/image/3.0/#47-floating-point-values: decimals SHOULD NOT carry trailing zeros, so the parsed value has none (canonical form).")]
    public void TryParseDecimal_TrailingZeros_AreDropped(string text, string expected)
    {
        Assert.That(StrictNumber.TryParseDecimal(text, out var value), Is.EqualTo(NumberScan.Ok));
        Assert.That(value.ToString(System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(expected));
    }

    [TestCase("")]
    [TestCase(".")]
    [TestCase(".5")]
    [TestCase("5.")]
    [TestCase("1..2")]
    [TestCase("1.2.3")]
    [TestCase("1,5")]
    [TestCase("+1.5")]
    [TestCase("-0.5")]
    [TestCase("1e2")]
    [TestCase("1.5E-3")]
    [TestCase("NaN")]
    [TestCase("Infinity")]
    [TestCase("\u221E")]
    [TestCase(" 1.5")]
    [TestCase("1.5 ")]
    [TestCase("0x10")]
    [TestCase("1.5f")]
    [TestCase("1.5m")]
    [Description("https://iiif.io/api/image/3.0/#47-floating-point-values: decimals are digits and '.' only, no sign or exponent; a leading 0 is needed and '5.' is incomplete.")]
    public void TryParseDecimal_NotPlainDecimal_IsMalformed(string text)
    {
        Assert.That(StrictNumber.TryParseDecimal(text, out _), Is.EqualTo(NumberScan.Malformed));
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#47-floating-point-values: 2.1 suggests at most 10 decimal digits.")]
    public void TryParseDecimal_ElevenFractionDigits_IsTooPrecise()
    {
        Assert.That(StrictNumber.TryParseDecimal("0.12345678901", out _), Is.EqualTo(NumberScan.TooManyFractionDigits));
    }

    [TestCase("1000000000")]
    [TestCase("1000000000.5")]
    [TestCase("0001000000000")]
    [Description("Decimals are bounded below one billion so they are built without overflow.")]
    public void TryParseDecimal_OneBillionOrMore_IsOutOfRange(string text)
    {
        Assert.That(StrictNumber.TryParseDecimal(text, out _), Is.EqualTo(NumberScan.OutOfRange));
    }
}
