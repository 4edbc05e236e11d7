namespace Iiif.Core.Auth;

/// <summary>One access service as a probe service lists it, with its token and logout services
/// (https://iiif.io/api/auth/2.0/#31-access-service-description).</summary>
/// <param name="Id">The page the client opens; required for active and kiosk, never written for external.</param>
/// <param name="Profile">The interaction pattern.</param>
/// <param name="TokenServiceId">The access token service (https://iiif.io/api/auth/2.0/#41-access-token-service-description).</param>
public sealed record AccessServiceDescription(string? Id, AccessServiceProfile Profile, string TokenServiceId)
{
    /// <summary>The name of the service; required for active, shown by clients for the others too.</summary>
    public LanguageMap? Label { get; init; }

    /// <summary>Shown before the access service is opened.</summary>
    public LanguageMap? Heading { get; init; }

    /// <summary>Shown with the heading.</summary>
    public LanguageMap? Note { get; init; }

    /// <summary>The text of the button that opens the access service.</summary>
    public LanguageMap? ConfirmLabel { get; init; }

    /// <summary>Default error texts of the token service; a note needs a heading.</summary>
    public LanguageMap? TokenErrorHeading { get; init; }

    /// <summary>Shown with the error heading.</summary>
    public LanguageMap? TokenErrorNote { get; init; }

    /// <summary>The logout service, with its required label (https://iiif.io/api/auth/2.0/#61-logout-service-description).</summary>
    public string? LogoutServiceId { get; init; }

    /// <summary>The logout service label.</summary>
    public LanguageMap? LogoutLabel { get; init; }
}
