using Iiif.Core.Requests;

namespace Iiif.Core.Info;

/// <summary>Compliance level URIs and names this server claims (https://iiif.io/api/image/2.1/#52-technical-properties, https://iiif.io/api/image/3.0/#52-technical-properties, https://iiif.io/api/image/3.0/compliance/) and the profile Link header (https://iiif.io/api/image/3.0/#6-compliance-level-and-profile-document).</summary>
public static class IiifProfiles
{
    /// <summary>The 2.1 level 2 URI: the first item of the 2.1 <c>profile</c> array and the 2.1 profile link target.</summary>
    public const string Level2V2 = "http://iiif.io/api/image/2/level2.json";

    /// <summary>The 3.0 level 2 URI: the 3.0 profile link target.</summary>
    public const string Level2V3 = "http://iiif.io/api/image/3/level2.json";

    /// <summary>The 3.0 <c>profile</c> value, a bare level name (https://iiif.io/api/image/3.0/#52-technical-properties).</summary>
    public const string Level2V3Name = "level2";

    /// <summary>The 2.1 level 0 URI: the first item of a static export's 2.1 <c>profile</c> array.</summary>
    public const string Level0V2 = "http://iiif.io/api/image/2/level0.json";

    /// <summary>The 3.0 <c>profile</c> value of a static export (https://iiif.io/api/image/3.0/#52-technical-properties).</summary>
    public const string Level0V3Name = "level0";

    /// <summary>The level 2 profile URI of a version.</summary>
    public static string Level2Uri(ApiVersion version) => version switch
    {
        ApiVersion.V2 => Level2V2,
        ApiVersion.V3 => Level2V3,
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "Unknown API version."),
    };

    /// <summary>The <c>Link</c> header value claiming level 2, e.g. <c>&lt;http://iiif.io/api/image/3/level2.json&gt;;rel="profile"</c>.</summary>
    public static string ProfileLinkHeader(ApiVersion version) => "<" + Level2Uri(version) + ">;rel=\"profile\"";
}
