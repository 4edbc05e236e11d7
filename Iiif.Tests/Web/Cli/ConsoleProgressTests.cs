using Iiif.Imaging.Jpeg2000;
using Iiif.Web.Cli;

namespace Iiif.Tests.Web.Cli;

[TestFixture]
public sealed class ConsoleProgressTests
{
    [TestCase(0.0, "[                              ]   0%")]
    [TestCase(0.45, "[#############                 ]  45%")]
    [TestCase(1.0, "[##############################] 100%")]
    [Description("The progress bar text")]
    public void Bar_Fraction_Draws(double fraction, string expected) =>
        Assert.That(ConsoleProgress.Bar(fraction), Is.EqualTo(expected));

    [Test]
    [Description("On a terminal the bar is redrawn in place with a carriage return and ends with a newline")]
    public void Report_Terminal_RedrawsWithCarriageReturn()
    {
        using var writer = new StringWriter();
        var progress = new ConsoleProgress(writer, terminal: true, "big.tif");

        progress.Report(new Jpeg2000EncodeProgress(1, 4));
        progress.Report(new Jpeg2000EncodeProgress(4, 4));
        progress.Finish();

        Assert.That(writer.ToString(), Is.EqualTo("\r" + ConsoleProgress.Bar(0.25) + " big.tif\r" + ConsoleProgress.Bar(1) + " big.tif" + Environment.NewLine));
    }

    [Test]
    [Description("Redirected standard error gets plain lines, the first report and then one per 10 % step, no carriage returns")]
    public void Report_NotTerminal_WritesPlainLines()
    {
        using var writer = new StringWriter();
        var progress = new ConsoleProgress(writer, terminal: false, "big.tif");

        for (var i = 1; i <= 40; i++)
        {
            progress.Report(new Jpeg2000EncodeProgress(i, 40));
        }

        progress.Finish();
        var lines = writer.ToString().TrimEnd().Split(Environment.NewLine);
        Assert.Multiple(() =>
        {
            Assert.That(writer.ToString(), Does.Not.Contain("\r"));
            Assert.That(lines, Has.Length.EqualTo(11));
            Assert.That(lines[0], Is.EqualTo("big.tif: 2% (1/40 tiles)"));
            Assert.That(lines[^1], Is.EqualTo("big.tif: 100% (40/40 tiles)"));
        });
    }

    [Test]
    [Description("Item progress on a terminal: bar, count and item, padded so a shorter name wipes a longer one")]
    public void Step_Terminal_PadsOverLongerItem()
    {
        using var writer = new StringWriter();
        var progress = new ConsoleProgress(writer, terminal: true, "warm");

        progress.Step(1, 2, "a-long-name");
        progress.Step(2, 2, "b");
        progress.Finish();

        var first = ConsoleProgress.Bar(0.5) + " 1/2 a-long-name";
        var second = (ConsoleProgress.Bar(1) + " 2/2 b").PadRight(first.Length);
        Assert.That(writer.ToString(), Is.EqualTo("\r" + first + "\r" + second + Environment.NewLine));
    }

    [Test]
    public void Step_NotTerminal_WritesPlainCountLines()
    {
        using var writer = new StringWriter();
        var progress = new ConsoleProgress(writer, terminal: false, "warm");

        progress.Step(1, 4, "a");
        progress.Step(2, 4, "b");

        Assert.That(writer.ToString(), Is.EqualTo("warm: 25% (1/4)" + Environment.NewLine + "warm: 50% (2/4)" + Environment.NewLine));
    }
}
