using Iiif.Core.Requests;
using Iiif.Web.Configuration;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Pipeline;

/// <summary>The configured profile tails (<c>profiles</c>), to mark derivatives the cleaner keeps longer. A request is
/// a profile request when its tail is written exactly as a profile is, as the applications using them write it.</summary>
internal sealed class ProfileTails(IOptions<ProfilesOptions> profiles)
{
    private readonly HashSet<string> _tails = new(profiles.Value.Tails.Values, StringComparer.Ordinal);

    public IReadOnlyCollection<string> All => _tails;

    public bool Contains(IiifPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return _tails.Count > 0 && _tails.Contains(Tail(path));
    }

    public static string Tail(IiifPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return "/" + path.Region + "/" + path.Size + "/" + path.Rotation + "/" + path.QualityAndFormat;
    }
}
