namespace Iiif.Core.Auth;

/// <summary>The names the IIIF Authorization Flow API 2.0 defines (https://iiif.io/api/auth/2.0/).</summary>
public static class AuthVocabulary
{
    /// <summary>The JSON-LD context of every auth document; in a 3.0 info.json it comes before the image context
    /// (https://iiif.io/api/auth/2.0/#21-declaring-services).</summary>
    public const string Context = "http://iiif.io/api/auth/2/context.json";

    /// <summary>The probe service type.</summary>
    public const string ProbeService = "AuthProbeService2";
    /// <summary>The access service type.</summary>
    public const string AccessService = "AuthAccessService2";
    /// <summary>The access token service type.</summary>
    public const string TokenService = "AuthAccessTokenService2";
    /// <summary>The logout service type.</summary>
    public const string LogoutService = "AuthLogoutService2";
    /// <summary>The probe response type.</summary>
    public const string ProbeResult = "AuthProbeResult2";
    /// <summary>The token message type.</summary>
    public const string AccessToken = "AuthAccessToken2";
    /// <summary>The token error message type.</summary>
    public const string AccessTokenError = "AuthAccessTokenError2";

    /// <summary>The <c>profile</c> string of an access service (https://iiif.io/api/auth/2.0/#profile).</summary>
    public static string Name(AccessServiceProfile profile) => profile switch
    {
        AccessServiceProfile.Active => "active",
        AccessServiceProfile.Kiosk => "kiosk",
        AccessServiceProfile.External => "external",
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unknown access service profile."),
    };

    /// <summary>The <c>profile</c> string of a token error (https://iiif.io/api/auth/2.0/#access-token-error-format).</summary>
    public static string Name(AccessTokenErrorProfile profile) => profile switch
    {
        AccessTokenErrorProfile.InvalidRequest => "invalidRequest",
        AccessTokenErrorProfile.InvalidOrigin => "invalidOrigin",
        AccessTokenErrorProfile.MissingAspect => "missingAspect",
        AccessTokenErrorProfile.InvalidAspect => "invalidAspect",
        AccessTokenErrorProfile.ExpiredAspect => "expiredAspect",
        AccessTokenErrorProfile.Unavailable => "unavailable",
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unknown token error profile."),
    };
}

/// <summary>How a client uses an access service (https://iiif.io/api/auth/2.0/#33-interaction-patterns).</summary>
public enum AccessServiceProfile
{
    /// <summary>The user interacts with a page of the content provider (login, terms).</summary>
    Active,

    /// <summary>The client opens the page without asking the user.</summary>
    Kiosk,

    /// <summary>No page: the aspect is ambient (an address range), the client goes straight to the token service.</summary>
    External,
}

/// <summary>Why no token was issued (https://iiif.io/api/auth/2.0/#access-token-error-format).</summary>
public enum AccessTokenErrorProfile
{
    /// <summary>The service could not process the request.</summary>
    InvalidRequest,
    /// <summary>The origin is not one the server gives tokens to.</summary>
    InvalidOrigin,
    /// <summary>The request lacks the authorizing aspect.</summary>
    MissingAspect,
    /// <summary>The request has an aspect that is not valid.</summary>
    InvalidAspect,
    /// <summary>The aspect is no longer valid.</summary>
    ExpiredAspect,
    /// <summary>Any other reason, such as maintenance.</summary>
    Unavailable,
}
