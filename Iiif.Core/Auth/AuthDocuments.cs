using System.Text.Json.Nodes;

namespace Iiif.Core.Auth;

/// <summary>Builds the JSON of the IIIF Authorization Flow API 2.0: the probe service block of an info.json with its
/// access, token and logout services, the probe result, and the token service's messages. Every MUST of the
/// specification that concerns the document's shape is checked here, so no caller can serve a broken one.</summary>
public static class AuthDocuments
{
    /// <summary>The probe service description (https://iiif.io/api/auth/2.0/#51-probe-service-description).
    /// <paramref name="withContext"/> adds <c>@context</c>, for documents (Image API 2.1) whose own context does not
    /// list the auth context.</summary>
    public static JsonObject ProbeService(
        string probeId, IReadOnlyList<AccessServiceDescription> access, bool withContext,
        LanguageMap? errorHeading = null, LanguageMap? errorNote = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(probeId);
        ArgumentNullException.ThrowIfNull(access);
        if (access.Count == 0)
        {
            throw new ArgumentException("A probe service lists at least one access service.", nameof(access));
        }

        var probe = new JsonObject();
        if (withContext)
        {
            probe["@context"] = AuthVocabulary.Context;
        }

        probe["id"] = probeId;
        probe["type"] = AuthVocabulary.ProbeService;
        AddTexts(probe, "errorHeading", errorHeading, "errorNote", errorNote);
        probe["service"] = new JsonArray([.. access.Select(AccessService)]);
        return probe;
    }

    /// <summary>The probe's answer (https://iiif.io/api/auth/2.0/#probe-service-response): <paramref name="substitute"/>
    /// only when access is refused, <paramref name="location"/> only with a 30x status.</summary>
    public static JsonObject ProbeResult(
        int status, IReadOnlyList<JsonObject>? substitute = null, JsonObject? location = null, LanguageMap? heading = null, LanguageMap? note = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        var denied = status >= 400;
        if (substitute is { Count: > 0 } && !denied)
        {
            throw new ArgumentException("A substitute is only offered when access is refused.", nameof(substitute));
        }

        if (location is not null && status is < 300 or > 399)
        {
            throw new ArgumentException("A location is only given with a 30x status.", nameof(location));
        }

        var result = new JsonObject
        {
            ["@context"] = AuthVocabulary.Context,
            ["type"] = AuthVocabulary.ProbeResult,
            ["status"] = status,
        };
        if (substitute is { Count: > 0 })
        {
            result["substitute"] = new JsonArray([.. substitute.Select(s => s.DeepClone())]);
        }

        if (location is not null)
        {
            result["location"] = location.DeepClone();
        }

        AddTexts(result, "heading", heading, "note", note);
        return result;
    }

    /// <summary>The token message (https://iiif.io/api/auth/2.0/#access-token-message-format).</summary>
    public static JsonObject AccessToken(string messageId, string accessToken, int expiresInSeconds)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(expiresInSeconds);
        return new JsonObject
        {
            ["@context"] = AuthVocabulary.Context,
            ["type"] = AuthVocabulary.AccessToken,
            ["accessToken"] = accessToken,
            ["expiresIn"] = expiresInSeconds,
            ["messageId"] = messageId,
        };
    }

    /// <summary>The token error message (https://iiif.io/api/auth/2.0/#access-token-error-format).</summary>
    public static JsonObject AccessTokenError(AccessTokenErrorProfile profile, string messageId, LanguageMap? heading = null, LanguageMap? note = null)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        var error = new JsonObject
        {
            ["@context"] = AuthVocabulary.Context,
            ["type"] = AuthVocabulary.AccessTokenError,
            ["profile"] = AuthVocabulary.Name(profile),
            ["messageId"] = messageId,
        };
        AddTexts(error, "heading", heading, "note", note);
        return error;
    }

    private static JsonObject AccessService(AccessServiceDescription access)
    {
        var service = new JsonObject();
        // https://iiif.io/api/auth/2.0/#id: present for active and kiosk; for external it SHOULD NOT be present.
        if (access.Profile != AccessServiceProfile.External)
        {
            ArgumentException.ThrowIfNullOrEmpty(access.Id, nameof(access));
            service["id"] = access.Id;
        }

        service["type"] = AuthVocabulary.AccessService;
        service["profile"] = AuthVocabulary.Name(access.Profile);
        if (access.Profile == AccessServiceProfile.Active && access.Label is null or { IsEmpty: true })
        {
            throw new ArgumentException("An active access service needs a label.", nameof(access));
        }

        AddText(service, "label", access.Label);
        AddText(service, "heading", access.Heading);
        AddText(service, "note", access.Note);
        AddText(service, "confirmLabel", access.ConfirmLabel);
        var token = new JsonObject { ["id"] = access.TokenServiceId, ["type"] = AuthVocabulary.TokenService };
        AddTexts(token, "errorHeading", access.TokenErrorHeading, "errorNote", access.TokenErrorNote);
        var services = new JsonArray(token);
        if (access.LogoutServiceId is not null)
        {
            var label = access.LogoutLabel is { IsEmpty: false } given ? given : throw new ArgumentException("A logout service needs a label.", nameof(access));
            services.Add(new JsonObject { ["id"] = access.LogoutServiceId, ["type"] = AuthVocabulary.LogoutService, ["label"] = label.ToJson() });
        }

        service["service"] = services;
        return service;
    }

    // The second text (a note) is only written with the first (a heading): "If present, heading MUST also be present".
    private static void AddTexts(JsonObject target, string headingName, LanguageMap? heading, string noteName, LanguageMap? note)
    {
        if (heading is null or { IsEmpty: true })
        {
            return;
        }

        AddText(target, headingName, heading);
        AddText(target, noteName, note);
    }

    private static void AddText(JsonObject target, string name, LanguageMap? text)
    {
        if (text is { IsEmpty: false })
        {
            target[name] = text.ToJson();
        }
    }
}
