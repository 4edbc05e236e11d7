using System.Text.Json.Nodes;
using Iiif.Core.Auth;
using Iiif.Core.Requests;

namespace Iiif.Web.Auth;

/// <summary>The probe service an info.json of a restricted image declares (https://iiif.io/api/auth/2.0/#21-declaring-services),
/// with the access service of its policy, the token service and, for active services, the logout service. Null for
/// open images and degraded versions, whose info.json stays as it was.</summary>
internal sealed class AuthInfoServices(AccessRules rules)
{
    public JsonObject? ProbeServiceFor(ApiVersion version, string identifier, string root)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        if (!rules.IsEnabled || rules.TryDegraded(identifier, out _, out _) || rules.PolicyFor(identifier) is not { IsRestricted: true } policy)
        {
            return null;
        }

        var texts = policy.Texts;
        var active = policy.Profile == AccessServiceProfile.Active;
        var access = new AccessServiceDescription(active ? AuthUrls.Access(root, policy) : null, policy.Profile, AuthUrls.Token(root, policy))
        {
            Label = texts.Label,
            Heading = texts.Heading,
            Note = texts.Note,
            ConfirmLabel = active ? texts.ConfirmLabel : null,
            TokenErrorHeading = texts.DeniedHeading,
            TokenErrorNote = texts.DeniedNote,
            LogoutServiceId = active ? AuthUrls.Logout(root) : null,
            LogoutLabel = active ? texts.LogoutLabel : null,
        };
        // A 2.1 info.json has the image context only, so the service carries its own (Image API 2.1 https://iiif.io/api/image/3.0/#7-server-responses, linked services).
        return AuthDocuments.ProbeService(AuthUrls.Probe(root, version, identifier), [access], withContext: version == ApiVersion.V2,
            texts.DeniedHeading, texts.DeniedNote);
    }
}
