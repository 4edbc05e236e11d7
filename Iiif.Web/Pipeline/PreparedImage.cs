using Iiif.Imaging.Sources;

namespace Iiif.Web.Pipeline;

/// <summary>An image request that passed every check before rendering: the resolved source and its plan.</summary>
internal sealed record PreparedImage(ImageSourceHandle Handle, PlannedImage Planned)
{
    public string Identifier => Handle.Identifier.Value;
}
