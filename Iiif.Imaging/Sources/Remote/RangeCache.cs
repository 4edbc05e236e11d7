using System.Collections.Concurrent;
using BitFaster.Caching;
using BitFaster.Caching.Lru;
using Iiif.Core.Diagnostics;
using Iiif.Imaging.Memory;

namespace Iiif.Imaging.Sources.Remote;

/// <summary>Blocks of remote sources' bytes in memory, keyed by (location, version, block): a tile walk reads the header
/// and index blocks of a file once, and a changed ETag makes new keys (the old blocks age out). Every upstream read is
/// whole blocks; runs of missing blocks are fetched with one request each, and a block already being fetched by another
/// request is awaited rather than fetched twice. Thread-safe.</summary>
internal sealed class RangeCache : ICacheStatisticsSource
{
    private readonly ICache<BlockKey, byte[]> _blocks;
    private readonly ConcurrentDictionary<BlockKey, Task<byte[]>> _inFlight = new();
    private long _upstreamBlocks;

    /// <summary>A cache of <paramref name="blockBytes"/> blocks holding at most <paramref name="capacityBytes"/>.</summary>
    public RangeCache(int blockBytes, long capacityBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockBytes, 512);
        BlockBytes = blockBytes;
        CapacityBytes = capacityBytes;
        _blocks = new ConcurrentLruBuilder<BlockKey, byte[]>()
            .WithCapacity((int)Math.Clamp(capacityBytes / blockBytes, 3, int.MaxValue))
            .WithMetrics()
            .Build();
    }

    /// <summary>The block size in bytes.</summary>
    public int BlockBytes { get; }

    /// <summary>The memory the blocks may take.</summary>
    public long CapacityBytes { get; }

    /// <summary>Reads from the cache, fetching missing blocks with <paramref name="fetch"/> (offset, destination).</summary>
    public async ValueTask<int> ReadAsync(
        string source, long length, long offset, Memory<byte> destination, Fetch fetch, CancellationToken cancellationToken)
    {
        var end = Math.Min(length, offset + destination.Length);
        if (offset >= end)
        {
            return 0;
        }

        var blocks = await EnsureAsync(source, length, [ByteRange.FromTo(offset, end)], fetch, cancellationToken).ConfigureAwait(false);
        var copied = 0;
        foreach (var (index, bytes) in blocks)
        {
            var blockStart = index * BlockBytes;
            var from = Math.Max(offset, blockStart);
            var to = Math.Min(end, blockStart + bytes.Length);
            if (to > from)
            {
                bytes.AsSpan((int)(from - blockStart), (int)(to - from)).CopyTo(destination.Span[(int)(from - offset)..]);
                copied += (int)(to - from);
            }
        }

        return copied;
    }

    /// <summary>Copies [<paramref name="offset"/>, +destination) from blocks in memory; false (and nothing promised
    /// about <paramref name="destination"/>) when one of them is missing. <paramref name="read"/> is short only at the end.</summary>
    public bool TryRead(string source, long length, long offset, Span<byte> destination, out int read)
    {
        var end = Math.Min(length, offset + destination.Length);
        read = 0;
        for (var position = offset; position < end;)
        {
            var index = position / BlockBytes;
            if (!_blocks.TryGet(new BlockKey(source, index), out var bytes))
            {
                return false;
            }

            var from = (int)(position - (index * BlockBytes));
            var count = (int)Math.Min(end - position, bytes.Length - from);
            if (count <= 0)
            {
                return false;
            }

            bytes.AsSpan(from, count).CopyTo(destination[(int)(position - offset)..]);
            position += count;
            read += count;
        }

        return true;
    }

    /// <summary>Makes every block of <paramref name="ranges"/> present and returns them by index.</summary>
    public async Task<SortedList<long, byte[]>> EnsureAsync(
        string source, long length, IEnumerable<ByteRange> ranges, Fetch fetch, CancellationToken cancellationToken)
    {
        var found = new SortedList<long, byte[]>();
        var waits = new List<(long Index, Task<byte[]> Task)>();
        var owned = new List<(long Index, TaskCompletionSource<byte[]> Completion)>();
        foreach (var range in ByteRange.Coalesce(ranges, length, 0))
        {
            for (var index = range.Offset / BlockBytes; index * BlockBytes < range.End; index++)
            {
                var key = new BlockKey(source, index);
                if (found.ContainsKey(index))
                {
                    continue;
                }

                if (_blocks.TryGet(key, out var bytes))
                {
                    found[index] = bytes;
                    continue;
                }

                var completion = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
                var task = _inFlight.GetOrAdd(key, completion.Task);
                if (task == completion.Task)
                {
                    owned.Add((index, completion));
                }
                else
                {
                    waits.Add((index, task));
                }
            }
        }

        await FetchOwnedAsync(source, length, owned, fetch, cancellationToken).ConfigureAwait(false);
        foreach (var (index, completion) in owned)
        {
            found[index] = await completion.Task.ConfigureAwait(false);
        }

        foreach (var (index, task) in waits)
        {
            found[index] = await task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return found;
    }

    /// <inheritdoc/>
    public IReadOnlyList<CacheStatistics> GetStatistics()
    {
        var bytes = _blocks.Sum(entry => (long)entry.Value.Length + 64);
        return [LruStatistics.Read(_blocks, "source-ranges", bytes)];
    }

    /// <summary>Blocks fetched from upstreams since start-up (for tests).</summary>
    internal long UpstreamBlocks => Interlocked.Read(ref _upstreamBlocks);

    /// <summary>Forgets every block (for the admin purge and tests).</summary>
    public void Clear() => _blocks.Clear();

    private async Task FetchOwnedAsync(
        string source, long length, List<(long Index, TaskCompletionSource<byte[]> Completion)> owned, Fetch fetch,
        CancellationToken cancellationToken)
    {
        var runs = new List<List<(long Index, TaskCompletionSource<byte[]> Completion)>>();
        foreach (var block in owned)
        {
            if (runs.Count > 0 && runs[^1][^1].Index + 1 == block.Index)
            {
                runs[^1].Add(block);
            }
            else
            {
                runs.Add([block]);
            }
        }

        await Task.WhenAll(runs.Select(run => FetchRunAsync(source, length, run, fetch, cancellationToken))).ConfigureAwait(false);
    }

    private async Task FetchRunAsync(
        string source, long length, List<(long Index, TaskCompletionSource<byte[]> Completion)> run, Fetch fetch,
        CancellationToken cancellationToken)
    {
        var start = run[0].Index * BlockBytes;
        var end = Math.Min(length, (run[^1].Index + 1) * BlockBytes);
        try
        {
            // Not the caller's token: other requests may be waiting for these blocks; the store's timeout bounds it.
            var buffer = new byte[end - start];
            var read = await fetch(start, buffer, CancellationToken.None).ConfigureAwait(false);
            if (read < buffer.Length)
            {
                throw new SourceUnavailableException(SourceFailure.Truncated, string.Empty,
                    $"The upstream sent {read} of the {buffer.Length} bytes it holds from offset {start}.");
            }

            Interlocked.Add(ref _upstreamBlocks, run.Count);
            foreach (var (index, completion) in run)
            {
                var offset = (index * BlockBytes) - start;
                var bytes = buffer.AsSpan((int)offset, (int)Math.Min(BlockBytes, buffer.Length - offset)).ToArray();
                _blocks.AddOrUpdate(new BlockKey(source, index), bytes);
                completion.TrySetResult(bytes);
            }
        }
        catch (Exception e)
        {
            foreach (var (_, completion) in run)
            {
                completion.TrySetException(e);
            }
        }
        finally
        {
            foreach (var (index, completion) in run)
            {
                _inFlight.TryRemove(new KeyValuePair<BlockKey, Task<byte[]>>(new BlockKey(source, index), completion.Task));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Reads upstream bytes from an offset into a buffer, returning how many arrived.</summary>
    public delegate Task<int> Fetch(long offset, Memory<byte> destination, CancellationToken cancellationToken);

    private readonly record struct BlockKey(string Source, long Index);
}
