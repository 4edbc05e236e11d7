namespace Iiif.Web.Auth;

/// <summary>The login page of a login policy: a form against the accounts file, or, when the policy takes the user from a
/// trusted proxy's header (UsesProxy), the user name that proxy sent (ProxyUser) and a button.</summary>
public sealed record AuthLoginModel(
    string Policy, string Heading, string Note, string ConfirmLabel, string? Origin, bool UsesProxy, string? ProxyUser, string? Error);

/// <summary>The terms page of a terms policy.</summary>
public sealed record AuthTermsModel(string Policy, string Heading, string Terms, string ConfirmLabel, string? Origin);

/// <summary>The last page of the access service window: it says what happened and closes itself
/// (https://iiif.io/api/auth/2.0/#access-service: the final response SHOULD try to close the tab).</summary>
public sealed record AuthDoneModel(string Heading, string Message);

/// <summary>The token service page: the message and the origin it is posted to.</summary>
public sealed record AuthTokenModel(string MessageJson, string? TargetOriginJson);
