using System.Collections.Concurrent;

namespace Iiif.Web.Auth;

/// <summary>Cookie sessions ended by logout (https://iiif.io/api/auth/2.0/#logout-interaction: the server SHOULD
/// invalidate the aspects and tokens it controls): a copy of the cookie or a token of the session is refused until
/// the session would have expired anyway. Kept per instance; the browser's cookie is deleted on every instance's
/// answer, and tokens are short-lived.</summary>
internal sealed class RevokedSessions(TimeProvider time)
{
    private const int PruneThreshold = 10_000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _revoked = new(StringComparer.Ordinal);

    public void Revoke(string session, DateTimeOffset until)
    {
        if (_revoked.Count >= PruneThreshold)
        {
            var now = time.GetUtcNow();
            foreach (var expired in _revoked.Where(r => r.Value <= now))
            {
                _revoked.TryRemove(expired.Key, out _);
            }
        }

        _revoked[session] = until;
    }

    public bool IsRevoked(string? session) =>
        session is not null && _revoked.TryGetValue(session, out var until) && until > time.GetUtcNow();
}
