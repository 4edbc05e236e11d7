namespace Iiif.Web.Configuration;

/// <summary>The <c>profiles</c> section: named URL tails (region/size/rotation/quality.format after the identifier)
/// that cache warming renders and cache cleaning keeps longer. Filled by <see cref="ProfilesOptionsSetup"/>, because
/// the section is a map of free names rather than fixed keys.</summary>
internal sealed class ProfilesOptions
{
    public const string SectionName = "profiles";

    /// <summary>Name to URL tail, e.g. full600 to /full/600,/0/default.jpg; names set to "" are dropped.</summary>
    public IReadOnlyDictionary<string, string> Tails { get; internal set; } = new Dictionary<string, string>();
}
