namespace Iiif.Web.Pipeline;

/// <summary>No render slot came free within <c>imaging.queueTimeout</c>: thrown out of the render callback so the
/// derivative cache stores nothing and every request waiting on that render answers 503.</summary>
internal sealed class RenderRejectedException : Exception
{
    public RenderRejectedException()
        : base("No render slot came free.")
    {
    }

    public RenderRejectedException(string message)
        : base(message)
    {
    }

    public RenderRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
