using System.Net;
using System.Runtime.CompilerServices;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Iiif.Core.Info;

namespace Iiif.Imaging.Sources.Remote;

/// <summary>Objects in an S3 bucket through the AWS SDK: GetObjectMetadata for the version, ranged GetObject pinned to
/// its ETag for the bytes, ListObjectsV2 for the index when the key template is a plain prefix and suffix around
/// <c>{path}</c>. Works with AWS and with S3-compatible stores (MinIO, Ceph) through an endpoint and path-style
/// addressing.</summary>
internal sealed class S3RemoteStore : IRemoteStore, IDisposable
{
    /// <summary>The most keys one listing returns, as for a folder.</summary>
    private const int MaxListed = 10_000;

    private readonly AmazonS3Client _client;
    private readonly S3SourceOptions _options;
    private readonly RuleCounters _counters;

    public S3RemoteStore(string rule, S3SourceOptions options, TimeSpan timeout, int retries, int maxConnections, RuleCounters counters)
    {
        Rule = rule;
        _options = options;
        _counters = counters;
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            Timeout = timeout,
            MaxErrorRetry = retries,
            MaxConnectionsPerServer = maxConnections,
            // Only where S3 requires one: S3-compatible stores often reject the newer trailing checksums.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (!string.IsNullOrEmpty(options.EndpointUrl))
        {
            config.ServiceURL = options.EndpointUrl;
            config.AuthenticationRegion = string.IsNullOrEmpty(options.Region) ? "us-east-1" : options.Region;
        }
        else if (!string.IsNullOrEmpty(options.Region))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        _client = string.IsNullOrEmpty(options.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }

    public string Rule { get; }

    public string Locate(IReadOnlyDictionary<string, string> values)
    {
        var key = SourceRule.Expand(_options.KeyTemplate, values, v => v);
        return key.Split('/').Any(s => s is "." or "..") || key.Length == 0
            ? throw new ArgumentException("An identifier may not hold '.' or '..' path segments.", nameof(values))
            : key;
    }

    public async Task<SourceVersion?> StatAsync(string location, CancellationToken cancellationToken)
    {
        try
        {
            var metadata = await _client.GetObjectMetadataAsync(
                new GetObjectMetadataRequest { BucketName = _options.Bucket, Key = location }, cancellationToken).ConfigureAwait(false);
            _counters.CountRequest(0);
            return new SourceVersion(new DateTimeOffset(metadata.LastModified ?? DateTime.UnixEpoch), metadata.ContentLength, metadata.ETag);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            _counters.CountRequest(0);
            return null;
        }
        catch (Exception e) when (Translate(e, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    public async Task<int> ReadAsync(
        string location, SourceVersion version, long offset, Memory<byte> destination, CancellationToken cancellationToken)
    {
        var request = new GetObjectRequest
        {
            BucketName = _options.Bucket,
            Key = location,
            ByteRange = new Amazon.S3.Model.ByteRange(offset, offset + destination.Length - 1),
            EtagToMatch = version.Tag,
        };
        try
        {
            using var response = await _client.GetObjectAsync(request, cancellationToken).ConfigureAwait(false);
            if (version.Tag is not null && response.ETag is not null && !string.Equals(Unquote(response.ETag), Unquote(version.Tag), StringComparison.Ordinal))
            {
                throw new SourceUnavailableException(SourceFailure.Changed, Rule, $"The object of rule '{Rule}' changed while it was read.");
            }

            var read = await response.ResponseStream.ReadAtLeastAsync(destination, destination.Length, throwOnEndOfStream: false, cancellationToken)
                .ConfigureAwait(false);
            _counters.CountRequest(read);
            return read;
        }
        catch (Exception e) when (Translate(e, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    public IAsyncEnumerable<string>? ListPaths(CancellationToken cancellationToken)
    {
        var parts = _options.KeyTemplate.Split("{path}");
        return parts.Length == 2 && !SourceRule.PlaceholdersOf(parts[0] + parts[1]).Any() ? ListAsync(parts[0], parts[1], cancellationToken) : null;
    }

    public void Dispose() => _client.Dispose();

    private async IAsyncEnumerable<string> ListAsync(string prefix, string suffix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListObjectsV2Request { BucketName = _options.Bucket, Prefix = prefix };
        var listed = 0;
        do
        {
            ListObjectsV2Response page;
            try
            {
                page = await _client.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);
                _counters.CountRequest(0);
            }
            catch (Exception e) when (Translate(e, cancellationToken) is { } failure)
            {
                throw failure;
            }

            foreach (var entry in (page.S3Objects ?? []).OrderBy(o => o.Key, StringComparer.Ordinal))
            {
                if (entry.Key.EndsWith(suffix, StringComparison.Ordinal) && entry.Key.Length > prefix.Length + suffix.Length && listed++ < MaxListed)
                {
                    yield return entry.Key[prefix.Length..^suffix.Length];
                }
            }

            request.ContinuationToken = page.NextContinuationToken;
        }
        while (request.ContinuationToken is not null && listed < MaxListed);
    }

    private static string Unquote(string tag) => tag.Trim('"');

    /// <summary>The failure an SDK exception stands for; null for the caller's own cancellation and our own failures.</summary>
    private SourceUnavailableException? Translate(Exception exception, CancellationToken cancellationToken)
    {
        if (exception is SourceUnavailableException || cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        _counters.CountRequest(0);
        var (failure, reason) = exception switch
        {
            AmazonS3Exception { StatusCode: HttpStatusCode.NotFound } => (SourceFailure.NotFound, "has no such object"),
            AmazonS3Exception { StatusCode: HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized } => (SourceFailure.Forbidden, "refused access"),
            AmazonS3Exception { StatusCode: HttpStatusCode.PreconditionFailed or HttpStatusCode.RequestedRangeNotSatisfiable } =>
                (SourceFailure.Changed, "holds another version now"),
            AmazonS3Exception s3 => (SourceFailure.Upstream, $"answered {(int)s3.StatusCode}"),
            OperationCanceledException or TimeoutException => (SourceFailure.Timeout, "did not answer in time"),
            IOException => (SourceFailure.Truncated, "broke off its answer"),
            _ => (SourceFailure.Upstream, "could not be reached"),
        };
        return new SourceUnavailableException(failure, Rule, $"The bucket of rule '{Rule}' {reason}.", exception);
    }
}
