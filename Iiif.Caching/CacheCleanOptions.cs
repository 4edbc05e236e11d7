using System.ComponentModel.DataAnnotations;

namespace Iiif.Caching;

/// <summary><c>cache.clean</c>: how long unused rendered images are kept. The old server's values were milliseconds
/// (its comment said days); these are seconds, like every duration in this configuration.</summary>
public sealed class CacheCleanOptions
{
    /// <summary>Seconds since last use for images matching a profile tail; 0 = never deleted.</summary>
    [Range(0, int.MaxValue, ErrorMessage = "must be a number of seconds, or 0 to never delete")]
    public int ProfileImage { get; set; } = 2_592_000;

    /// <summary>Seconds since last use for every other image; 0 = never deleted.</summary>
    [Range(0, int.MaxValue, ErrorMessage = "must be a number of seconds, or 0 to never delete")]
    public int RandomImage { get; set; } = 86_400;

    /// <summary>Seconds between the host's background cleaning passes; 0 = no background cleaning (run <c>iiif clean</c>
    /// from cron instead, as the old server's script was).</summary>
    [Range(0, int.MaxValue, ErrorMessage = "must be a number of seconds, or 0 for no background cleaning")]
    public int Period { get; set; } = 3_600;

    /// <summary><see cref="ProfileImage"/> as a duration; zero = never.</summary>
    public TimeSpan ProfileAfter => TimeSpan.FromSeconds(ProfileImage);

    /// <summary><see cref="RandomImage"/> as a duration; zero = never.</summary>
    public TimeSpan OtherAfter => TimeSpan.FromSeconds(RandomImage);
}
