using Iiif.Core.Identifiers;
using Iiif.Imaging.Sources;
using Iiif.Web.Configuration;
using Iiif.Web.Logging;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Viewer;

/// <summary>The OpenSeadragon page of an image (<c>/viewer/{id}</c>) and an index of the image folder (<c>/viewer</c>).
/// Not part of the IIIF API, so not in the admin Swagger document either.</summary>
[Route("viewer")]
[ApiExplorerSettings(IgnoreApi = true)]
[ServiceFilter<ViewerEnabledFilter>]
internal sealed class ViewerController(IImageSource source, IOptions<ServerOptions> server, IWebHostEnvironment environment) : Controller
{
    /// <summary>The most images the index lists: a folder of millions must not produce a page of millions.</summary>
    public const int IndexLimit = 1000;

    public const string ScriptPath = "lib/openseadragon/openseadragon.min.js";

    [HttpGet("", Name = "viewer-index")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var entries = new List<ViewerIndexEntry>();
        await foreach (var identifier in source.ListAsync(cancellationToken).Take(IndexLimit + 1).ConfigureAwait(false))
        {
            entries.Add(new ViewerIndexEntry(identifier.Value, ViewerUrls.Page(Request, identifier.Value),
                ViewerUrls.InfoJson(Request, server.Value, identifier.Value)));
        }

        var truncated = entries.Count > IndexLimit;
        HttpContext.SetLogResult(LogValues.Viewer);
        return View("Index", new ViewerIndexModel(truncated ? entries[..IndexLimit] : entries, truncated, IndexLimit)
        {
            UnlistedRules = source.UnlistedRules,
        });
    }

    [HttpGet("{**id}", Name = "viewer")]
    public async Task<IActionResult> Image(CancellationToken cancellationToken)
    {
        // The raw target, decoded once by Core's rules: the route value has already lost the difference between
        // "a%2Fb" and "a/b" and, worse, Kestrel has decoded %25, so "%252F" would look like "%2F".
        var identifier = ImageIdentifierParser.FromRawSegment(RawIdentifier());
        if (!identifier.IsSuccess || await source.ResolveAsync(identifier.Value, cancellationToken).ConfigureAwait(false) is null)
        {
            var notFound = View("NotFound", new ViewerNotFoundModel(identifier.IsSuccess ? identifier.Value.Value : RawIdentifier()));
            notFound.StatusCode = StatusCodes.Status404NotFound;
            return notFound;
        }

        var id = identifier.Value.Value;
        var assets = environment.WebRootFileProvider.GetFileInfo(ScriptPath).Exists;
        HttpContext.SetLogResult(LogValues.Viewer);
        return View("Image", new ViewerPageModel(id, ViewerUrls.InfoJson(Request, server.Value, id), assets));
    }

    private string RawIdentifier()
    {
        var raw = HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget ?? string.Empty;
        var query = raw.IndexOf('?', StringComparison.Ordinal);
        var path = query >= 0 ? raw[..query] : raw;
        const string Prefix = ViewerUrls.ViewerPath + "/";
        return path.StartsWith(Prefix, StringComparison.Ordinal)
            ? path[Prefix.Length..]
            : Uri.EscapeDataString(RouteData.Values["id"] as string ?? string.Empty);
    }
}
