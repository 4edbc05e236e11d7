using BitFaster.Caching.Lru;
using Iiif.Core.Diagnostics;
using Iiif.Core.Errors;
using Iiif.Core.Requests;
using Iiif.Web.Configuration;
using Iiif.Web.Http;
using Microsoft.Extensions.Options;
using Iiif.Imaging.Memory;

namespace Iiif.Web.Pipeline;

/// <summary>Reads the IIIF part of a request from the RAW request target (Kestrel's decoded Path would blur <c>%2F</c>
/// and '/': https://iiif.io/api/image/3.0/#9-uri-encoding-and-decoding), strips the prefix and the optional version
/// segment, and parses the rest with <see cref="IiifPathParser"/> and, for an image, <see cref="ImagePipeline.ParseImage"/>.
/// What a path parses to does not depend on the host it was sent to, so successful parses are kept in a bounded LRU
/// keyed by the raw path: a repeat (every tile a viewer asks for twice) is one lookup.</summary>
/// <remarks>A first segment of exactly <c>2</c> or <c>3</c> is a version, so an identifier named "2" or "3" is only
/// reachable under an explicit version (<c>/{prefix}/3/3/info.json</c>). A target that does not start with the
/// literal prefix (e.g. a percent-encoded prefix) is a 404.</remarks>
internal sealed class IiifTargetReader : ICacheStatisticsSource
{
    /// <summary>Raw paths remembered: about a kilobyte each, so a few megabytes, and thousands of a viewer's tiles.</summary>
    public const int MemoEntries = 10_000;

    private readonly ConcurrentLru<string, ParsedTarget> _memo = new(MemoEntries);
    private readonly ServerOptions _server;
    private readonly string _prefix;
    private readonly ImagePipeline _pipeline;
    private readonly ProfileTails _profiles;

    public IiifTargetReader(IOptions<ServerOptions> serverOptions, ImagePipeline pipeline, ProfileTails profiles)
    {
        ArgumentNullException.ThrowIfNull(serverOptions);
        _server = serverOptions.Value;
        _prefix = _server.Prefix.Length > 0 ? "/" + _server.Prefix : string.Empty;
        _pipeline = pipeline;
        _profiles = profiles;
    }

    /// <summary>The request's target, or the 400/404 its path deserves. <paramref name="kind"/> is the URI form when the
    /// path got far enough to have one (for the request log), else null.</summary>
    public Result<IiifTarget> Read(HttpContext context, out IiifPathKind? kind)
    {
        ArgumentNullException.ThrowIfNull(context);
        var raw = RawRequestTarget.PathOf(context);
        if (!_memo.TryGet(raw, out var parsed))
        {
            var result = Parse(raw, out kind);
            if (!result.IsSuccess)
            {
                return result.Error;
            }

            parsed = result.Value;
            _memo.AddOrUpdate(raw, parsed);
        }

        kind = parsed.Kind;
        return new IiifTarget(parsed, PublicBaseUri.Root(context.Request, _server));
    }

    public IReadOnlyList<CacheStatistics> GetStatistics()
    {
        return [LruStatistics.Read(_memo, "iiif-targets")];
    }

    private Result<ParsedTarget> Parse(string raw, out IiifPathKind? kind)
    {
        kind = null;
        if (!raw.StartsWith(_prefix + "/", StringComparison.Ordinal))
        {
            return IiifError.NotFound("The path is not under this server's IIIF prefix.");
        }

        var (version, servicePath, iiifPath) = SplitVersion(raw[_prefix.Length..]);
        var path = IiifPathParser.Parse(iiifPath);
        if (!path.IsSuccess)
        {
            return path.Error;
        }

        kind = path.Value.Kind;
        if (kind != IiifPathKind.Image)
        {
            return new ParsedTarget(version, servicePath, path.Value, null);
        }

        var image = _pipeline.ParseImage(version, path.Value, _profiles.Contains(path.Value));
        return image.IsSuccess ? new ParsedTarget(version, servicePath, path.Value, image.Value) : image.Error;
    }

    private (ApiVersion Version, string ServicePath, string Path) SplitVersion(string rest)
    {
        // rest starts with '/'; "/3/..." names a version only when a further segment follows.
        if (rest.Length > 2 && rest[2] == '/' && rest[1] is '2' or '3')
        {
            var version = rest[1] == '2' ? ApiVersion.V2 : ApiVersion.V3;
            return (version, _prefix + rest[..2], rest[2..]);
        }

        return (_server.DefaultVersion == 2 ? ApiVersion.V2 : ApiVersion.V3, _prefix, rest);
    }
}
