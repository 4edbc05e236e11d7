namespace Iiif.Web.Configuration;

/// <summary>One entry of <c>auth.rules</c>: an identifier prefix or a regular expression, and the policy it selects.</summary>
internal sealed class AuthRuleOptions
{
    /// <summary>Matches identifiers starting with this text (case-sensitive).</summary>
    public string Prefix { get; set; } = string.Empty;

    /// <summary>Matches identifiers this .NET regular expression finds a match in (anchor it with ^ and $ as needed).</summary>
    public string Match { get; set; } = string.Empty;

    /// <summary>A name under auth.policies, or "open".</summary>
    public string Policy { get; set; } = string.Empty;
}
