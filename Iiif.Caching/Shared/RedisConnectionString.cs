namespace Iiif.Caching.Shared;

/// <summary>Adds the settings that keep a dead Redis from stalling requests, unless the operator set them already.</summary>
internal static class RedisConnectionString
{
    // Short timeouts: a lookup that Redis cannot answer fast is cheaper to render or serve from disk than to wait for.
    // abortConnect=false: start even when Redis is down, and reconnect in the background when it comes back.
    private static readonly (string Name, string Value)[] Defaults =
    [
        ("abortConnect", "false"),
        ("connectTimeout", "2000"),
        ("syncTimeout", "1000"),
        ("asyncTimeout", "1000"),
    ];

    public static string WithDefaults(string configuration)
    {
        var result = configuration.Trim().TrimEnd(',');
        var given = result.Split(',').Select(part => part.Split('=', 2)[0].Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in Defaults)
        {
            if (!given.Contains(name))
            {
                result += $",{name}={value}";
            }
        }

        return result;
    }
}
