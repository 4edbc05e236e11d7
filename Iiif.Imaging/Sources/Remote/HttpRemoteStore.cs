using System.Net;
using System.Net.Http.Headers;
using Iiif.Core.Info;
using Polly.Timeout;

namespace Iiif.Imaging.Sources.Remote;

/// <summary>Objects behind an HTTP(S) URL template: HEAD (or a one-byte ranged GET) for the version, Range requests for
/// the bytes, pinned to the version with If-Match and checked against the ETag that comes back. The client comes from
/// <see cref="IHttpClientFactory"/> (pooled connections, retries with backoff for these idempotent reads, timeouts).</summary>
internal sealed class HttpRemoteStore : IRemoteStore
{
    private readonly Func<HttpClient> _client;
    private readonly HttpSourceOptions _options;
    private readonly RuleCounters _counters;
    private readonly AuthenticationHeaderValue? _basic;

    private readonly TimeSpan _timeout;

    public HttpRemoteStore(string rule, HttpSourceOptions options, TimeSpan timeout, Func<HttpClient> client, RuleCounters counters)
    {
        _timeout = timeout;
        Rule = rule;
        _options = options;
        _client = client;
        _counters = counters;
        _basic = string.IsNullOrEmpty(options.Username)
            ? null
            : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(options.Username + ":" + options.Password)));
    }

    public string Rule { get; }

    public string Locate(IReadOnlyDictionary<string, string> values) =>
        SourceRule.Expand(_options.UrlTemplate, values, SourceRule.EncodePath);

    public async Task<SourceVersion?> StatAsync(string location, CancellationToken cancellationToken)
    {
        using var head = await SendAsync(HttpMethod.Head, location, null, null, cancellationToken).ConfigureAwait(false);
        if (head.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            return null;
        }

        if (head.IsSuccessStatusCode && head.Content.Headers.ContentLength is { } length)
        {
            return VersionOf(head, length);
        }

        if (head.StatusCode is not (HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented) && !head.IsSuccessStatusCode)
        {
            throw Failure(head.StatusCode);
        }

        // No HEAD, or no length in it: the first byte's Content-Range carries the length.
        using var probe = await SendAsync(HttpMethod.Get, location, new RangeHeaderValue(0, 0), null, cancellationToken).ConfigureAwait(false);
        if (probe.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            return null;
        }

        if (!probe.IsSuccessStatusCode)
        {
            throw Failure(probe.StatusCode);
        }

        var total = probe.Content.Headers.ContentRange?.Length ?? probe.Content.Headers.ContentLength
            ?? throw new SourceUnavailableException(SourceFailure.Upstream, Rule, $"The upstream of rule '{Rule}' gave no length.");
        return VersionOf(probe, total);
    }

    public async Task<int> ReadAsync(
        string location, SourceVersion version, long offset, Memory<byte> destination, CancellationToken cancellationToken)
    {
        // The client's timeout ends when the headers arrive; a body that stalls is bounded by the same time.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        try
        {
            return await ReadBodyAsync(location, version, offset, destination, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SourceUnavailableException(SourceFailure.Timeout, Rule, $"The upstream of rule '{Rule}' did not answer in time.", e);
        }
    }

    private async Task<int> ReadBodyAsync(
        string location, SourceVersion version, long offset, Memory<byte> destination, CancellationToken cancellationToken)
    {
        var range = new RangeHeaderValue(offset, offset + destination.Length - 1);
        using var response = await SendAsync(HttpMethod.Get, location, range, version.Tag, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.RequestedRangeNotSatisfiable
            || (response.IsSuccessStatusCode && !SameVersion(response, version)))
        {
            throw new SourceUnavailableException(SourceFailure.Changed, Rule, $"The object of rule '{Rule}' changed while it was read.");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw Failure(response.StatusCode);
        }

        try
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                if (response.StatusCode != HttpStatusCode.PartialContent)
                {
                    // The server ignored the Range header: skip to the offset in the whole body.
                    await SkipAsync(body, offset, cancellationToken).ConfigureAwait(false);
                }

                var read = await body.ReadAtLeastAsync(destination, destination.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                _counters.CountRequest(read);
                return read;
            }
        }
        catch (Exception e) when (e is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw new SourceUnavailableException(SourceFailure.Truncated, Rule, $"The upstream of rule '{Rule}' broke off its answer.", e);
        }
    }

    /// <summary>A plain HTTP server cannot list its files.</summary>
    public IAsyncEnumerable<string>? ListPaths(CancellationToken cancellationToken) => null;

    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string location, RangeHeaderValue? range, string? ifMatch, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, location);
        foreach (var (name, value) in _options.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.Authorization ??= _basic;
        request.Headers.Range = range;
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        try
        {
            var response = await _client().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (method == HttpMethod.Head || !response.IsSuccessStatusCode)
            {
                _counters.CountRequest(0);
            }

            return response;
        }
        catch (Exception e) when (e is TimeoutRejectedException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            _counters.CountRequest(0);
            throw new SourceUnavailableException(SourceFailure.Timeout, Rule, $"The upstream of rule '{Rule}' did not answer in time.", e);
        }
        catch (HttpRequestException e)
        {
            _counters.CountRequest(0);
            throw new SourceUnavailableException(SourceFailure.Upstream, Rule, $"The upstream of rule '{Rule}' could not be reached ({e.HttpRequestError}).", e);
        }
    }

    private static async Task SkipAsync(Stream body, long count, CancellationToken cancellationToken)
    {
        var scratch = new byte[81920];
        while (count > 0)
        {
            var read = await body.ReadAsync(scratch.AsMemory(0, (int)Math.Min(scratch.Length, count)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return;
            }

            count -= read;
        }
    }

    private static SourceVersion VersionOf(HttpResponseMessage response, long length) =>
        new(response.Content.Headers.LastModified ?? DateTimeOffset.UnixEpoch, length, response.Headers.ETag?.ToString());

    /// <summary>Weak comparison (https://www.rfc-editor.org/rfc/rfc9110#section-8.8.3.2): a compressing proxy may weaken
    /// a tag; no tag on either side means the length must agree.</summary>
    private static bool SameVersion(HttpResponseMessage response, SourceVersion version)
    {
        var tag = response.Headers.ETag;
        if (tag is null || version.Tag is null)
        {
            var total = response.Content.Headers.ContentRange?.Length;
            return total is null || total == version.Length;
        }

        return string.Equals(tag.Tag, EntityTagHeaderValue.Parse(version.Tag).Tag, StringComparison.Ordinal);
    }

    private SourceUnavailableException Failure(HttpStatusCode status) => new(
        status switch
        {
            HttpStatusCode.NotFound or HttpStatusCode.Gone => SourceFailure.NotFound,
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => SourceFailure.Forbidden,
            HttpStatusCode.RequestTimeout or HttpStatusCode.GatewayTimeout => SourceFailure.Timeout,
            _ => SourceFailure.Upstream,
        },
        Rule,
        $"The upstream of rule '{Rule}' answered {(int)status}.");
}
