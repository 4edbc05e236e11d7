using Iiif.Core.Auth;
using Iiif.Web.Configuration;

namespace Iiif.Web.Auth;

/// <summary>The user-facing texts of a policy's services (https://iiif.io/api/auth/2.0/#active-interaction-pattern):
/// configured language maps, or English defaults that say what the kind of policy asks of the user.</summary>
internal sealed record PolicyTexts(
    LanguageMap Label, LanguageMap Heading, LanguageMap Note, LanguageMap ConfirmLabel,
    LanguageMap DeniedHeading, LanguageMap DeniedNote, LanguageMap LogoutLabel, LanguageMap Terms)
{
    public static PolicyTexts For(PolicyKind kind, AuthPolicyOptions? options)
    {
        var (label, heading, note, confirm) = kind switch
        {
            PolicyKind.Login => ("Log in to view this image", "Please log in", "This image is restricted to registered users. Log in to see it in full.", "Log in"),
            PolicyKind.Terms => ("Terms of use", "Please accept the terms of use", "You must accept the terms of use before you can see this image in full.", "View terms"),
            PolicyKind.Network => ("Reading room access", "Available on site", "This image can be seen in full only from the reading room's network.", "Try again"),
            _ => ("Open access", "Open access", "Everyone can see this image.", "Continue"),
        };
        return new PolicyTexts(
            Map(options?.Label, label), Map(options?.Heading, heading), Map(options?.Note, note), Map(options?.ConfirmLabel, confirm),
            Map(options?.DeniedHeading, "Access restricted"), Map(options?.DeniedNote, note),
            Map(options?.LogoutLabel, "Log out"), Map(options?.Terms, "Use these images for private study and research only."));
    }

    private static LanguageMap Map(Dictionary<string, string>? configured, string english) =>
        LanguageMap.Or(configured is null ? null : new LanguageMap(configured), LanguageMap.English(english));
}
