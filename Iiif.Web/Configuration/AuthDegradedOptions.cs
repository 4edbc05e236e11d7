namespace Iiif.Web.Configuration;

/// <summary>The <c>degraded</c> part of a policy: the version everyone may see, under {identifier}{auth.degradedSuffix}.</summary>
internal sealed class AuthDegradedOptions
{
    /// <summary>Longest side in pixels of the degraded version; 0 = the image's own size.</summary>
    public int MaxSize { get; set; }

    /// <summary>Serve the degraded version in shades of gray.</summary>
    public bool Gray { get; set; }

    /// <summary>The substitute's label in the probe response.</summary>
    public Dictionary<string, string> Label { get; set; } = [];

    /// <summary>True when a degraded version is offered at all.</summary>
    public bool IsEnabled => MaxSize > 0 || Gray;
}
