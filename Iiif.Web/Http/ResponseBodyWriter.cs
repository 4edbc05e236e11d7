using System.Buffers;
using System.Net.Sockets;
using Iiif.Caching.Derivatives;
using Iiif.Web.Configuration;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Http;

/// <summary>Sends an image body in slices of <see cref="SliceBytes"/>, each of which the client must take within
/// <c>server.writeTimeoutSeconds</c>, else the connection is closed. Written whole, a multi-megabyte body is copied into
/// Kestrel's pooled buffers at once and held there for as long as the client takes to read it: Kestrel's minimum data
/// rate gives each write size / rate to complete, so 3.9 MB at its default 240 bytes/s may take four and a half hours. In
/// slices a slow reader holds at most a slice and Kestrel's 64 KB response buffer, and a stalled one is dropped within
/// the timeout once the socket's buffers are full.</summary>
internal sealed class ResponseBodyWriter(IOptions<ServerOptions> options, ILogger<ResponseBodyWriter> logger)
{
    /// <summary>Bytes handed to Kestrel per write.</summary>
    public const int SliceBytes = 64 * 1024;

    private readonly TimeSpan _timeout = TimeSpan.FromSeconds(options.Value.WriteTimeoutSeconds);

    public Task WriteAsync(HttpContext http, CachedDerivative derivative)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(derivative);
        if (derivative.File is null && derivative.Bytes.Length <= SliceBytes)
        {
            // A typical tile is one slice, which Kestrel's buffers take at once: no deadline to arm on the hot path. Only
            // a write that did not complete at once (a client not reading) is given the timeout.
            var write = http.Response.Body.WriteAsync(derivative.Bytes, http.RequestAborted);
            return write.IsCompletedSuccessfully ? Task.CompletedTask : CompleteWithinTimeoutAsync(http, write.AsTask(), derivative.Length);
        }

        return WriteSlicesAsync(http, derivative);
    }

    private async Task CompleteWithinTimeoutAsync(HttpContext http, Task write, long length)
    {
        if (_timeout <= TimeSpan.Zero)
        {
            await write.ConfigureAwait(false);
            return;
        }

        try
        {
            await write.WaitAsync(_timeout, http.RequestAborted).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            ArmReset(http);
            var url = http.Request.Path.ToUriComponent();
            var ip = http.Connection.RemoteIpAddress?.ToString();
            Log.SlowClientDropped(logger, url, ip, 0, length, _timeout.TotalSeconds);
            http.Abort();
            // The abandoned write ends with the connection; its failure is expected, not unobserved.
            _ = write.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    private async Task WriteSlicesAsync(HttpContext http, CachedDerivative derivative)
    {
        using var slice = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        // The deadline first arms a reset, then cancels the write: Kestrel closes the connection as soon as a write is
        // cancelled, and a plain close would leave the megabytes already in the socket's send buffer to the kernel,
        // which would go on feeding the slow reader from its own memory.
        using var deadline = new CancellationTokenSource();
        using var expiry = deadline.Token.Register(() =>
        {
            ArmReset(http);
            slice.Cancel();
        });
        var sent = 0L;
        try
        {
            if (derivative.File is { } file)
            {
                var buffer = ArrayPool<byte>.Shared.Rent(SliceBytes);
                try
                {
                    int read;
                    while ((read = await file.ReadAsync(buffer.AsMemory(0, SliceBytes), http.RequestAborted).ConfigureAwait(false)) > 0)
                    {
                        sent += await WriteSliceAsync(http, buffer.AsMemory(0, read), deadline, slice.Token).ConfigureAwait(false);
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
            else
            {
                for (var offset = 0; offset < derivative.Bytes.Length; offset += SliceBytes)
                {
                    var length = Math.Min(SliceBytes, derivative.Bytes.Length - offset);
                    sent += await WriteSliceAsync(http, derivative.Bytes.Slice(offset, length), deadline, slice.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            var url = http.Request.Path.ToUriComponent();
            var ip = http.Connection.RemoteIpAddress?.ToString();
            Log.SlowClientDropped(logger, url, ip, sent, derivative.Length, _timeout.TotalSeconds);
            http.Abort();
        }
    }

    /// <summary>Makes the next close of the connection a reset, which discards what its send buffer still holds.</summary>
    private static void ArmReset(HttpContext http)
    {
        try
        {
            if (http.Features.Get<IConnectionSocketFeature>()?.Socket is { } socket)
            {
                socket.LingerState = new LingerOption(enable: true, seconds: 0);
            }
        }
        catch (Exception e) when (e is ObjectDisposedException or SocketException)
        {
            // Closed already: nothing left to discard.
        }
    }

    private async Task<int> WriteSliceAsync(HttpContext http, ReadOnlyMemory<byte> bytes, CancellationTokenSource deadline, CancellationToken token)
    {
        if (_timeout > TimeSpan.Zero)
        {
            deadline.CancelAfter(_timeout);
        }

        await http.Response.Body.WriteAsync(bytes, token).ConfigureAwait(false);
        return bytes.Length;
    }
}
