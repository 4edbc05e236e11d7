using System.Net;
using Iiif.Web.Admin;

namespace Iiif.Tests.Web.Admin;

[TestFixture]
public class IpAllowListTests
{
    [TestCase("127.0.0.1", "127.0.0.1", true)]
    [TestCase("127.0.0.1", "::ffff:127.0.0.1", true)]
    [TestCase("10.0.0.0/8", "10.200.3.4", true)]
    [TestCase("10.0.0.0/8", "11.0.0.1", false)]
    [TestCase("::1", "::1", true)]
    [TestCase("2001:db8::/32", "2001:db8:1::5", true)]
    [TestCase("192.168.1.5", "192.168.1.6", false)]
    public void Contains_Entry_MatchesAddress(string entry, string address, bool expected)
    {
        var list = new IpAllowList([entry]);

        Assert.That(list.Contains(IPAddress.Parse(address)), Is.EqualTo(expected));
    }

    [Test]
    public void Contains_EmptyListOrNoAddress_IsFalse()
    {
        Assert.That(new IpAllowList([]).Contains(IPAddress.Loopback), Is.False);
        Assert.That(new IpAllowList(["127.0.0.1"]).Contains(null), Is.False);
    }
}
