namespace Iiif.Caching.Derivatives;

/// <summary>A derivative's key and, computed on first use, its hashed <see cref="DerivativeId"/>: tiers keyed by the key
/// itself (memory) never pay for the hashing, tiers that need file or Redis names share one computation.</summary>
internal sealed class DerivativeAddress(DerivativeKey key)
{
    private DerivativeId? _id;

    public DerivativeKey Key { get; } = key;

    public DerivativeId Id => _id ??= DerivativeId.For(Key);
}
