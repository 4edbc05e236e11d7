using System.Reflection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Memory;

namespace Iiif.Imaging.Memory;

/// <summary>The buffer pool of the server's ImageSharp <see cref="Configuration"/>: how many bytes it keeps between renders,
/// and a way to release them.</summary>
/// <remarks>ImageSharp 2.1 has no public figure for its pool, so the retained bytes are read from its private fields
/// (the pool's buffer array and rent index). The version is pinned (3.x has another licence) and a test checks the read;
/// should the fields ever be missing, <see cref="RetainedBytes"/> is null and nothing else changes.</remarks>
public sealed class ImageSharpPool
{
    private const BindingFlags Private = BindingFlags.NonPublic | BindingFlags.Instance;

    private readonly MemoryAllocator _allocator;
    private readonly Func<long?> _retained;

    /// <summary>The pool of <paramref name="configuration"/>'s allocator.</summary>
    public ImageSharpPool(Configuration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _allocator = configuration.MemoryAllocator;
        _retained = RetainedReader(_allocator);
    }

    /// <summary>Bytes of pooled buffers not rented out now (resident once touched), or null when they cannot be read.</summary>
    public long? RetainedBytes() => _retained();

    /// <summary>Frees every pooled buffer not in use; renders in flight keep theirs and return them later.</summary>
    public void Release() => _allocator.ReleaseRetainedResources();

    private static Func<long?> RetainedReader(MemoryAllocator allocator)
    {
        var pool = allocator.GetType().GetField("pool", Private)?.GetValue(allocator);
        var buffersField = pool?.GetType().GetField("buffers", Private);
        var indexField = pool?.GetType().GetField("index", Private);
        var bufferLength = pool?.GetType().GetProperty("BufferLength")?.GetValue(pool) as int?;
        var isValid = buffersField?.FieldType.GetElementType()?.GetProperty("IsValid");
        if (pool is null || buffersField is null || indexField is null || bufferLength is null || isValid is null)
        {
            return static () => null;
        }

        return () =>
        {
            // A racy snapshot is fine for a gauge; the pool itself locks the array on every change.
            var buffers = (Array)buffersField.GetValue(pool)!;
            var retained = 0L;
            for (var i = (int)indexField.GetValue(pool)!; i < buffers.Length; i++)
            {
                if ((bool)isValid.GetValue(buffers.GetValue(i))!)
                {
                    retained += bufferLength.Value;
                }
            }

            return retained;
        };
    }
}
