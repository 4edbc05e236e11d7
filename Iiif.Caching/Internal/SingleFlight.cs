namespace Iiif.Caching.Internal;

/// <summary>Runs one piece of work per key however many callers ask for it at once. The work runs under its own token,
/// cancelled only when every waiting caller has cancelled, so one impatient client cannot fail the others; its result or
/// exception reaches every waiter.</summary>
internal sealed class SingleFlight<T>
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Flight> _flights = new(StringComparer.Ordinal);

    public int InFlight
    {
        get
        {
            lock (_gate)
            {
                return _flights.Count;
            }
        }
    }

    public async Task<T> RunAsync(string key, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Flight? flight;
        bool leader;
        lock (_gate)
        {
            leader = !_flights.TryGetValue(key, out flight);
            if (flight is null)
            {
                flight = new Flight();
                _flights[key] = flight;
            }

            flight.Waiters++;
        }

        if (leader)
        {
            // On the pool, so the leading caller can leave (cancel) while the work runs on for the others.
            _ = Task.Run(() => FlyAsync(key, flight, work), CancellationToken.None);
        }

        try
        {
            return await flight.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Leave(key, flight);
            throw;
        }
    }

    private async Task FlyAsync(string key, Flight flight, Func<CancellationToken, Task<T>> work)
    {
        try
        {
            flight.Completion.TrySetResult(await work(flight.Cancellation.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (flight.Cancellation.IsCancellationRequested)
        {
            flight.Completion.TrySetCanceled(flight.Cancellation.Token);
        }
#pragma warning disable CA1031 // Whatever the work throws belongs to its waiters, who rethrow it.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            flight.Completion.TrySetException(exception);
        }
        finally
        {
            lock (_gate)
            {
                flight.Done = true;
                if (_flights.TryGetValue(key, out var current) && ReferenceEquals(current, flight))
                {
                    _flights.Remove(key);
                }
            }

            flight.Cancellation.Dispose();
        }
    }

    private void Leave(string key, Flight flight)
    {
        lock (_gate)
        {
            if (--flight.Waiters > 0 || flight.Done)
            {
                return;
            }

            // Nobody waits any more: stop the work, and let the next caller start afresh.
            if (_flights.TryGetValue(key, out var current) && ReferenceEquals(current, flight))
            {
                _flights.Remove(key);
            }

            flight.Cancellation.Cancel();
        }
    }

    private sealed class Flight
    {
        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenSource Cancellation { get; } = new();

        public int Waiters { get; set; }

        public bool Done { get; set; }
    }
}
