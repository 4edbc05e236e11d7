namespace Iiif.Web.Configuration;

/// <summary>The <c>auth</c> section: which images are restricted (rules, first match wins; no rule = open), the
/// policies they name, and the cookie, tokens and origins of the IIIF Authorization Flow API 2.0
/// (https://iiif.io/api/auth/2.0/).</summary>
internal sealed class AuthOptions
{
    public const string SectionName = "auth";

    /// <summary>The policy of identifiers no rule matches, and a policy name any rule may use.</summary>
    public const string OpenPolicy = "open";

    /// <summary>Rules tried in order; the first whose prefix or pattern matches the identifier names its policy.</summary>
    public List<AuthRuleOptions> Rules { get; set; } = [];

    /// <summary>Policies by name, referred to by the rules.</summary>
    public Dictionary<string, AuthPolicyOptions> Policies { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Origins (scheme://host[:port]) whose pages may get access tokens; empty = the server's own origin only;
    /// "*" = any origin.</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>Seconds an access token stays valid (never beyond the cookie it was issued for).</summary>
    public int TokenLifetime { get; set; } = 300;

    /// <summary>YAML file of the accounts of login policies (user name: password hash and groups); relative to the config
    /// folder. Empty = no accounts.</summary>
    public string AccountsFile { get; set; } = string.Empty;

    /// <summary>Folder of the Data Protection keys that sign cookies and tokens; empty = {cache.root}/keys. Instances
    /// behind one load balancer must share it.</summary>
    public string KeysDirectory { get; set; } = string.Empty;

    /// <summary>Appended to an identifier to name its degraded version, e.g. "/degraded" (a%2Fdegraded in URLs).</summary>
    public string DegradedSuffix { get; set; } = "/degraded";

    public AuthCookieOptions Cookie { get; set; } = new();

    /// <summary>True when at least one rule restricts something.</summary>
    public bool IsEnabled => Rules.Count > 0;
}
