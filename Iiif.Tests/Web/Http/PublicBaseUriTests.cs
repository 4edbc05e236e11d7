using Iiif.Core.Requests;
using Iiif.Web.Configuration;
using Iiif.Web.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;

namespace Iiif.Tests.Web.Http;

[TestFixture]
public class PublicBaseUriTests
{
    [Test]
    public void Root_BaseUriConfigured_WinsOverRequest()
    {
        var options = new ServerOptions { BaseUri = "https://images.example.org" };

        Assert.That(PublicBaseUri.Root(Request("http", "localhost:3001", ""), options), Is.EqualTo("https://images.example.org"));
    }

    [Test]
    [Description("https://iiif.io/api/image/3.0/#2-uri-syntax: ids use the base URI clients see; behind a proxy its forwarded scheme, host and prefix.")]
    public void Root_NoBaseUri_BuiltFromSchemeHostAndPathBase() =>
        Assert.That(PublicBaseUri.Root(Request("https", "example.org", "/images"), new ServerOptions()),
            Is.EqualTo("https://example.org/images"));

    [TestCase("iiif", ApiVersion.V3, "http://localhost:3001/iiif/3")]
    [TestCase("iiif", ApiVersion.V2, "http://localhost:3001/iiif/2")]
    [TestCase("", ApiVersion.V3, "http://localhost:3001/3")]
    [TestCase("a/b", ApiVersion.V3, "http://localhost:3001/a/b/3")]
    public void Service_Prefix_PutBeforeVersion(string prefix, ApiVersion version, string expected) =>
        Assert.That(PublicBaseUri.Service(Request("http", "localhost:3001", ""), new ServerOptions { Prefix = prefix }, version),
            Is.EqualTo(expected));

    [Test]
    public void ForwardedHeadersSetup_TrustedProxies_SplitIntoAddressesAndNetworks()
    {
        var options = new ForwardedHeadersOptions();

        ForwardedHeadersSetup.Apply(options, new ServerOptions { TrustedProxies = ["10.1.2.3", "192.168.0.0/16"] });

        Assert.That(options.KnownProxies.Select(a => a.ToString()), Is.EqualTo(new[] { "10.1.2.3" }));
        Assert.That(options.KnownIPNetworks.Select(n => n.ToString()), Is.EqualTo(new[] { "192.168.0.0/16" }));
        Assert.That(options.ForwardedHeaders.HasFlag(ForwardedHeaders.XForwardedPrefix), Is.True);
    }

    [Test]
    [Description("ASP.NET believes every sender when both trust lists are empty; an empty trustedProxies must trust none.")]
    public void ForwardedHeadersSetup_NoTrustedProxies_IgnoresForwardedHeaders()
    {
        var options = new ForwardedHeadersOptions();

        ForwardedHeadersSetup.Apply(options, new ServerOptions { TrustedProxies = [] });

        Assert.That(options.ForwardedHeaders, Is.EqualTo(ForwardedHeaders.None));
    }

    private static HttpRequest Request(string scheme, string host, string pathBase)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = scheme;
        context.Request.Host = new HostString(host);
        context.Request.PathBase = pathBase;
        return context.Request;
    }
}
