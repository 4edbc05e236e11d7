using Iiif.Core.Requests;
using Iiif.Web.Http;

namespace Iiif.Web.Pipeline;

/// <summary>An image request as its URL states it, checked for syntax and for an output format this server offers
/// (400 before any I/O), with the plan last made for it: a repeat of the URL reuses the plan while the source version
/// and the image's facts are unchanged.</summary>
internal sealed class ImageTarget(IiifPath path, ImageRequest request, bool isProfile)
{
    private PlannedImage? _lastPlan;
    private string? _contentDisposition;

    public IiifPath Path => path;

    public ImageRequest Request => request;

    /// <summary>Stored as a profile derivative, which the cleaner keeps longer.</summary>
    public bool IsProfile => isProfile;

    /// <summary>The Content-Disposition header value of this URL's image.</summary>
    public string ContentDisposition => _contentDisposition ??= IiifHeaders.ContentDisposition(path, request.Format);

    /// <summary>The plan last made for this request, or null.</summary>
    public PlannedImage? LastPlan
    {
        get => Volatile.Read(ref _lastPlan);
        set => Volatile.Write(ref _lastPlan, value);
    }
}
