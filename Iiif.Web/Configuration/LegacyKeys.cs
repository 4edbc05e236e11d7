namespace Iiif.Web.Configuration;

/// <summary>Where each setting of the old Node server went, so that a copied old config fails with a pointer to the
/// new key instead of being ignored (docs/configuration.md has the full migration table).</summary>
internal static class LegacyKeys
{
    private static readonly Dictionary<string, string> Hints = new(StringComparer.OrdinalIgnoreCase)
    {
        ["prefix"] = "the old prefix is now server.prefix",
        ["cors"] = "the old cors is now server.cors",
        ["jp2_binary"] = "no longer needed: JPEG 2000 is decoded inside the server",
        ["profile"] = "the old profile map is now profiles",
        ["upsize_factor"] = "the old upsize_factor is now limits.upscaleFactor (with limits.upscaling: true)",
        ["resolver"] = "the old resolver settings are now images.root, images.resolver and images.nestedDepth",
        ["cache.base_path"] = "the old cache.base_path is now cache.root",
        ["cache.image"] = "the old cache.image settings were unused and are gone",
        ["cache.clean.profile_image"] = "now cache.clean.profileImage, in seconds (the old value was milliseconds)",
        ["cache.clean.random_image"] = "now cache.clean.randomImage, in seconds (the old value was milliseconds)",
        ["cache.warm.clear_with"] = "now cache.warm.clearWith",
        ["logging.logLevel"] = "levels are set by logging.level and the rules in nlog.config",
        ["cache.redis.readinessGraceSeconds"] =
            "gone: a Redis outage no longer fails /health/ready (its state is in /metrics and /admin/health); remove the key",
    };

    /// <summary>The hint for the longest old key that the given dotted key starts with, if any.</summary>
    public static string? HintFor(IReadOnlyList<string> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        for (var length = segments.Count; length > 0; length--)
        {
            if (Hints.TryGetValue(string.Join('.', segments.Take(length)), out var hint))
            {
                return hint;
            }
        }

        return null;
    }
}
