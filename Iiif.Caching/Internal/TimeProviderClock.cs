using Microsoft.Extensions.Internal;

namespace Iiif.Caching.Internal;

/// <summary>Lets a <see cref="Microsoft.Extensions.Caching.Memory.MemoryCache"/> expire entries by the injected
/// <see cref="TimeProvider"/> (its options still take the older clock interface), so tests drive expiry.</summary>
internal sealed class TimeProviderClock(TimeProvider time) : ISystemClock
{
    public DateTimeOffset UtcNow => time.GetUtcNow();
}
