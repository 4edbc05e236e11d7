using Iiif.Web.Configuration;

namespace Iiif.Tests.Web.Configuration;

[TestFixture]
public class CommandLineCheckTests
{
    [TestCase("--images /srv/images")]
    [TestCase("--limits:maxWidth=4000")]
    [TestCase("limits:maxWidth=4000")]
    [TestCase("/port 80")]
    [TestCase("--port 80 --environment Development")]
    public void Problems_WellFormedArguments_None(string commandLine) =>
        Assert.That(CommandLineCheck.Problems(commandLine.Split(' ')), Is.Empty);

    [TestCase("--images", "'--images' has no value")]
    [TestCase("-port 80", "'-port' is not a known switch")]
    [TestCase("--port 80 stray", "'stray' is not understood")]
    public void Problems_ArgumentThatSetsNothing_Reported(string commandLine, string expected) =>
        Assert.That(CommandLineCheck.Problems(commandLine.Split(' ')), Has.One.Contains(expected));
}
