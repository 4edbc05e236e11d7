using Iiif.Tests.Caching;
using Iiif.Web.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Iiif.Tests.Web.Pipeline;

/// <summary>Declined renders warn once per period with the count held back, so overload does not flood the log.</summary>
[TestFixture]
public class DeclineLogTests
{
    [Test]
    public void Declined_WarnsFirstThenOncePerPeriodWithTheHeldBackCount()
    {
        var time = new FakeTimeProvider();
        var log = new DeclineLog(time);
        var logger = new CapturingLogger<DeclineLogTests>();

        log.Declined(logger, "a.jp2");
        for (var i = 0; i < 500; i++)
        {
            log.Declined(logger, "b.jp2");
        }

        time.Advance(DeclineLog.Period);
        log.Declined(logger, "c.jp2");

        var warnings = logger.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).ToList();
        Assert.That(warnings, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(warnings[0], Does.Contain("a.jp2").And.Contain("(0 more declined"));
            Assert.That(warnings[1], Does.Contain("c.jp2").And.Contain("(500 more declined"));
        });
    }
}
