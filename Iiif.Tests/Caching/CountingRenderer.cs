using Iiif.Caching.Derivatives;

namespace Iiif.Tests.Caching;

/// <summary>A render callback that counts its calls and writes fixed bytes, optionally after a gate opens.</summary>
internal sealed class CountingRenderer(byte[] content)
{
    private int _calls;

    public CountingRenderer(int length, byte seed = 1) : this(Enumerable.Range(0, length).Select(i => (byte)(i * 31 + seed)).ToArray())
    {
    }

    public byte[] Content { get; } = content;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>When set, every render waits for it (so concurrent callers are all in flight together).</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>Completed when a render has started.</summary>
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set when a render observed its token cancelled.</summary>
    public bool WasCancelled { get; private set; }

    public Exception? Failure { get; set; }

    /// <summary>When true, every render declines (as the render gate does under overload) without writing.</summary>
    public bool Declines { get; set; }

    public async Task<RenderOutcome> RenderAsync(Stream destination, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        Started.TrySetResult();
        if (Gate is not null)
        {
            try
            {
                await Gate.Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                WasCancelled = true;
                throw;
            }
        }

        if (Failure is not null)
        {
            throw Failure;
        }

        if (Declines)
        {
            return RenderOutcome.Declined;
        }

        await destination.WriteAsync(Content, cancellationToken);
        return RenderOutcome.Written;
    }
}
