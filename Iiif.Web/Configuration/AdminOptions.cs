namespace Iiif.Web.Configuration;

/// <summary>The <c>admin</c> section: who may call the admin endpoints.</summary>
internal sealed class AdminOptions
{
    public const string SectionName = "admin";

    /// <summary>Shortest key accepted: a key must resist guessing, since it guards cache purges.</summary>
    public const int MinimumApiKeyLength = 16;

    /// <summary>Key expected in X-Api-Key; empty = admin endpoints disabled.</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>Client IPs or CIDR networks allowed to call admin endpoints.</summary>
    public List<string> AllowedIps { get; set; } = [];

    public bool IsEnabled => ApiKey.Length > 0;
}
