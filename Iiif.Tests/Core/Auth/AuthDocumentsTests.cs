using System.Text.Json.Nodes;
using Iiif.Core.Auth;

namespace Iiif.Tests.Core.Auth;

/// <summary>The auth documents against https://iiif.io/api/auth/2.0/: required properties, and the MUSTs that forbid
/// a shape (a substitute with a granted status, a location without a 30x, an active service without a label).</summary>
[TestFixture]
public class AuthDocumentsTests
{
    private static readonly AccessServiceDescription Active = new("https://x.org/login", AccessServiceProfile.Active, "https://x.org/token")
    {
        Label = LanguageMap.English("Log in to X"),
        LogoutServiceId = "https://x.org/logout",
        LogoutLabel = LanguageMap.English("Log out of X"),
    };

    [Test]
    public void ProbeService_External_HasNoAccessId()
    {
        var external = new AccessServiceDescription("https://x.org/ignored", AccessServiceProfile.External, "https://x.org/token");

        var probe = AuthDocuments.ProbeService("https://x.org/probe/a", [external], withContext: false);
        var access = probe["service"]![0]!.AsObject();

        Assert.That(access.ContainsKey("id"), Is.False, "https://iiif.io/api/auth/2.0/#id: SHOULD NOT be present for external");
        Assert.That(access["profile"]!.GetValue<string>(), Is.EqualTo("external"));
        Assert.That(access["service"]![0]!["type"]!.GetValue<string>(), Is.EqualTo("AuthAccessTokenService2"));
    }

    [Test]
    public void ProbeService_Active_TokenThenLogout()
    {
        var probe = AuthDocuments.ProbeService("https://x.org/probe/a", [Active], withContext: true);

        Assert.That(probe["@context"]!.GetValue<string>(), Is.EqualTo(AuthVocabulary.Context));
        Assert.That(probe["type"]!.GetValue<string>(), Is.EqualTo("AuthProbeService2"));
        var services = probe["service"]![0]!["service"]!.AsArray();
        Assert.That(services.Select(s => s!["type"]!.GetValue<string>()), Is.EqualTo(new[] { "AuthAccessTokenService2", "AuthLogoutService2" }));
        Assert.That(services[1]!["label"]!["en"]![0]!.GetValue<string>(), Is.EqualTo("Log out of X"));
    }

    [Test]
    public void ProbeService_ActiveWithoutLabel_Refused() =>
        Assert.Throws<ArgumentException>(() => AuthDocuments.ProbeService("https://x.org/p", [Active with { Label = null }], withContext: false));

    [Test]
    public void ProbeResult_SubstituteOnlyWhenDenied_LocationOnlyWith30x()
    {
        JsonObject[] substitute = [new JsonObject { ["id"] = "https://x.org/iiif/a%2Fdegraded", ["type"] = "ImageService3" }];
        var denied = AuthDocuments.ProbeResult(401, substitute, heading: LanguageMap.English("No"), note: LanguageMap.English("Sorry"));
        var moved = AuthDocuments.ProbeResult(302, location: new JsonObject { ["id"] = "https://cdn.x.org/a", ["type"] = "ImageService3" });

        Assert.That(denied.ToJsonString(), Is.EqualTo(
            """{"@context":"http://iiif.io/api/auth/2/context.json","type":"AuthProbeResult2","status":401,"substitute":[{"id":"https://x.org/iiif/a%2Fdegraded","type":"ImageService3"}],"heading":{"en":["No"]},"note":{"en":["Sorry"]}}"""));
        Assert.That(moved["location"]!["id"]!.GetValue<string>(), Is.EqualTo("https://cdn.x.org/a"));
        Assert.Throws<ArgumentException>(() => AuthDocuments.ProbeResult(200, substitute));
        Assert.Throws<ArgumentException>(() => AuthDocuments.ProbeResult(401, location: new JsonObject()));
    }

    [Test]
    public void ProbeResult_NoteWithoutHeading_LeftOut() =>
        Assert.That(AuthDocuments.ProbeResult(401, note: LanguageMap.English("orphan")).ContainsKey("note"), Is.False,
            "https://iiif.io/api/auth/2.0/#note: if present, heading MUST also be present");

    [Test]
    public void AccessToken_AllRequiredProperties()
    {
        var message = AuthDocuments.AccessToken("ae3415", "opaque", 300);

        Assert.That(message.ToJsonString(), Is.EqualTo(
            """{"@context":"http://iiif.io/api/auth/2/context.json","type":"AuthAccessToken2","accessToken":"opaque","expiresIn":300,"messageId":"ae3415"}"""));
        Assert.Throws<ArgumentOutOfRangeException>(() => AuthDocuments.AccessToken("m", "t", 0));
    }

    [TestCase(AccessTokenErrorProfile.InvalidRequest, "invalidRequest")]
    [TestCase(AccessTokenErrorProfile.InvalidOrigin, "invalidOrigin")]
    [TestCase(AccessTokenErrorProfile.MissingAspect, "missingAspect")]
    [TestCase(AccessTokenErrorProfile.InvalidAspect, "invalidAspect")]
    [TestCase(AccessTokenErrorProfile.ExpiredAspect, "expiredAspect")]
    [TestCase(AccessTokenErrorProfile.Unavailable, "unavailable")]
    public void AccessTokenError_ProfileNames(AccessTokenErrorProfile profile, string name)
    {
        var error = AuthDocuments.AccessTokenError(profile, "m1", LanguageMap.English("Unauthorized"));

        Assert.That(error["type"]!.GetValue<string>(), Is.EqualTo("AuthAccessTokenError2"));
        Assert.That(error["profile"]!.GetValue<string>(), Is.EqualTo(name));
        Assert.That(error["messageId"]!.GetValue<string>(), Is.EqualTo("m1"));
        Assert.That(error["@context"]!.GetValue<string>(), Is.EqualTo(AuthVocabulary.Context));
    }

    [Test]
    public void LanguageMap_PicksLanguageThenEnglish()
    {
        var map = new LanguageMap([new("de", "Anmelden"), new("en", "Log in"), new("fr", "")]);

        Assert.That(map.Text("de"), Is.EqualTo("Anmelden"));
        Assert.That(map.Text("nl"), Is.EqualTo("Log in"));
        Assert.That(map.ToJson().ToJsonString(), Is.EqualTo("""{"de":["Anmelden"],"en":["Log in"]}"""));
    }
}
