using Iiif.Core.Errors;
using Iiif.Core.Requests;
using Iiif.Web.Configuration;
using Iiif.Web.Http;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Pipeline;

/// <summary>Reads the IIIF part of a request from the RAW request target (digest §1.1: Kestrel's decoded Path would
/// blur <c>%2F</c> and '/'), strips the prefix and the optional version segment, and hands the rest to
/// <see cref="IiifPathParser"/>.</summary>
/// <remarks>A first segment of exactly <c>2</c> or <c>3</c> is a version, so an identifier named "2" or "3" is only
/// reachable under an explicit version (<c>/{prefix}/3/3/info.json</c>). A target that does not start with the
/// literal prefix (e.g. a percent-encoded prefix) is a 404.</remarks>
internal sealed class IiifTargetReader(IOptions<ServerOptions> serverOptions)
{
    private readonly ServerOptions _server = serverOptions.Value;

    public Result<IiifTarget> Read(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var raw = RawRequestTarget.PathOf(context);
        var prefix = _server.Prefix.Length > 0 ? "/" + _server.Prefix : string.Empty;
        if (!raw.StartsWith(prefix + "/", StringComparison.Ordinal))
        {
            return IiifError.NotFound("The path is not under this server's IIIF prefix.");
        }

        var rest = raw[prefix.Length..];
        var (version, servicePath, iiifPath) = SplitVersion(rest, prefix);
        var parsed = IiifPathParser.Parse(iiifPath);
        if (!parsed.IsSuccess)
        {
            return parsed.Error;
        }

        var root = PublicBaseUri.Root(context.Request, _server);
        var baseUri = root + servicePath + "/" + IdentifierEncoder.Encode(parsed.Value.Identifier.Value);
        return new IiifTarget(version, baseUri, parsed.Value, root);
    }

    private (ApiVersion Version, string ServicePath, string Path) SplitVersion(string rest, string prefix)
    {
        // rest starts with '/'; "/3/..." names a version only when a further segment follows.
        if (rest.Length > 2 && rest[2] == '/' && rest[1] is '2' or '3')
        {
            var version = rest[1] == '2' ? ApiVersion.V2 : ApiVersion.V3;
            return (version, prefix + rest[..2], rest[2..]);
        }

        return (_server.DefaultVersion == 2 ? ApiVersion.V2 : ApiVersion.V3, prefix, rest);
    }
}
