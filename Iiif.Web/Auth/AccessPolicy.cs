using Iiif.Core.Auth;
using Iiif.Web.Admin;

namespace Iiif.Web.Auth;

/// <summary>What grants access to the images of a policy.</summary>
internal enum PolicyKind
{
    /// <summary>Everyone.</summary>
    Open,

    /// <summary>A logged-in user (accounts file or trusted proxy header), optionally in some groups.</summary>
    Login,

    /// <summary>Whoever accepted the policy's terms.</summary>
    Terms,

    /// <summary>Clients in the policy's address ranges.</summary>
    Network,
}

/// <summary>One configured policy (auth.policies), ready to evaluate: its kind, conditions, the texts of its services
/// and its degraded version.</summary>
internal sealed class AccessPolicy
{
    public static readonly AccessPolicy Open = new(Configuration.AuthOptions.OpenPolicy, PolicyKind.Open);

    public AccessPolicy(string name, PolicyKind kind)
    {
        Name = name;
        Kind = kind;
    }

    public string Name { get; }

    public PolicyKind Kind { get; }

    /// <summary>Login: the groups of which the user must be in one; empty = any user.</summary>
    public IReadOnlySet<string> Groups { get; init; } = new HashSet<string>();

    /// <summary>Login: the request header a trusted proxy puts the user name in; null = the accounts file.</summary>
    public string? UserHeader { get; init; }

    public string? GroupsHeader { get; init; }

    /// <summary>Network: the client addresses that have access.</summary>
    public IpAllowList? Ranges { get; init; }

    public PolicyTexts Texts { get; init; } = PolicyTexts.For(PolicyKind.Open, null);

    /// <summary>The limited version everyone may see, or null.</summary>
    public DegradedAccess? Degraded { get; init; }

    /// <summary>How a client reaches the aspect: a page for login and terms, nothing for an address range.</summary>
    public AccessServiceProfile Profile => Kind == PolicyKind.Network ? AccessServiceProfile.External : AccessServiceProfile.Active;

    public bool IsRestricted => Kind != PolicyKind.Open;
}

/// <summary>The degraded version of a policy's images: at most <paramref name="MaxSize"/> pixels on the long side
/// (0 = unlimited) and/or gray.</summary>
internal sealed record DegradedAccess(int MaxSize, bool Gray, LanguageMap Label);
