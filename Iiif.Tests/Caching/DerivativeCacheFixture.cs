using Iiif.Caching;
using Iiif.Caching.Derivatives;
using Iiif.Caching.Derivatives.Disk;
using Iiif.Core.Info;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Time.Testing;

namespace Iiif.Tests.Caching;

/// <summary>A temp cache root, a fake clock and factories for caches over them; deletes the root afterwards.</summary>
internal sealed class DerivativeCacheFixture : IDisposable
{
    public static readonly SourceVersion Version1 = new(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), 1000);
    public static readonly SourceVersion Version2 = new(new DateTimeOffset(2024, 2, 2, 3, 4, 5, TimeSpan.Zero), 1000);
    public static readonly DerivativeMetadata Jpeg = new("image/jpeg", "\"e1\"", false);
    public static readonly DerivativeMetadata ProfileJpeg = new("image/jpeg", "\"p1\"", true);

    public DerivativeCacheFixture(Action<CachingOptions>? configure = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "iiif-caching-tests", Guid.NewGuid().ToString("N"));
        Options = new CachingOptions { Root = Root };
        configure?.Invoke(Options);
    }

    public string Root { get; }

    public CachingOptions Options { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));

    public CapturingLogger<TieredDerivativeCache> Logger { get; } = new();

    public DiskDerivativeStore CreateStore() =>
        new(Microsoft.Extensions.Options.Options.Create(Options), Time, new CapturingLogger<DiskDerivativeStore>());

    public TieredDerivativeCache CreateCache(IDistributedCache? shared = null) => CreateCache(CreateStore(), shared);

    /// <summary>The composite over the standard tiers as AddIiifCaching registers them: memory, disk, shared.</summary>
    public TieredDerivativeCache CreateCache(DiskDerivativeStore store, IDistributedCache? shared = null) =>
        CreateCache(new MemoryDerivativeTier(Options, Time), store, shared);

    /// <summary>The standard tiers over a memory tier the test holds on to.</summary>
    public TieredDerivativeCache CreateCache(MemoryDerivativeTier memory, DiskDerivativeStore? store = null, IDistributedCache? shared = null) =>
        new([memory, new DiskDerivativeTier(store ?? CreateStore()), new SharedDerivativeTier(shared, Options, Logger)], Logger);

    public DiskDerivativeCleaner CreateCleaner(DiskDerivativeStore store) =>
        new(Microsoft.Extensions.Options.Options.Create(Options), Time, new CapturingLogger<DiskDerivativeCleaner>(), store);

    public static DerivativeKey Key(string identifier = "a/b c.jp2", string request = "3/full/max/0/default.jpg", SourceVersion? version = null) =>
        new(identifier, version ?? Version1, request);

    public string DataPath(DerivativeKey key) => new DiskLayout(Root).DataPath(DerivativeId.For(key));

    public IEnumerable<string> DataFiles() => Directory.Exists(Root)
        ? Directory.EnumerateFiles(Root, "*.bin", SearchOption.AllDirectories) : [];

    public static async Task<CachedDerivative> GetAsync(
        IDerivativeCache cache, DerivativeKey key, CountingRenderer renderer, DerivativeMetadata? metadata = null,
        DerivativeCacheMode mode = DerivativeCacheMode.Normal, CancellationToken cancellationToken = default) =>
        await cache.GetOrRenderAsync(key, metadata ?? Jpeg, renderer.RenderAsync, mode, cancellationToken)
        ?? throw new AssertionException("the render was declined");

    public static byte[] BytesOf(CachedDerivative derivative)
    {
        if (derivative.File is null)
        {
            return derivative.Bytes.ToArray();
        }

        using var copy = new MemoryStream();
        derivative.File.CopyTo(copy);
        return copy.ToArray();
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
