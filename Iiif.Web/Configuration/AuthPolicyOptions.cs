namespace Iiif.Web.Configuration;

/// <summary>One entry of <c>auth.policies</c>. Texts are language maps (<c>{en: "Log in", de: "Anmelden"}</c>); each
/// has an English default.</summary>
internal sealed class AuthPolicyOptions
{
    /// <summary>login, terms, network or open.</summary>
    public string Type { get; set; } = string.Empty;

    /// <summary>login: the user must be in one of these groups; empty = any account.</summary>
    public List<string> Groups { get; set; } = [];

    /// <summary>login: take the user name from this request header, set by a trusted reverse proxy (server.trustedProxies)
    /// that authenticated the user (Shibboleth, CAS, OIDC), instead of the accounts file.</summary>
    public string UserHeader { get; set; } = string.Empty;

    /// <summary>login with userHeader: the header listing the user's groups (separated by ; or ,).</summary>
    public string GroupsHeader { get; set; } = string.Empty;

    /// <summary>network: client addresses (IPs or CIDR networks) that have access.</summary>
    public List<string> Ranges { get; set; } = [];

    /// <summary>The access service's label (what the user authenticates to), heading, note and button text.</summary>
    public Dictionary<string, string> Label { get; set; } = [];

    public Dictionary<string, string> Heading { get; set; } = [];

    public Dictionary<string, string> Note { get; set; } = [];

    public Dictionary<string, string> ConfirmLabel { get; set; } = [];

    /// <summary>What the probe says when access is refused.</summary>
    public Dictionary<string, string> DeniedHeading { get; set; } = [];

    public Dictionary<string, string> DeniedNote { get; set; } = [];

    /// <summary>The logout service's label.</summary>
    public Dictionary<string, string> LogoutLabel { get; set; } = [];

    /// <summary>terms: the text of the terms page the user accepts.</summary>
    public Dictionary<string, string> Terms { get; set; } = [];

    /// <summary>A limited version for everyone else, offered as the probe's substitute.</summary>
    public AuthDegradedOptions Degraded { get; set; } = new();
}
