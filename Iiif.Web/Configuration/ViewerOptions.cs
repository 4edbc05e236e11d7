namespace Iiif.Web.Configuration;

/// <summary>The <c>viewer</c> section: the deep-zoom viewer page.</summary>
internal sealed class ViewerOptions
{
    public const string SectionName = "viewer";

    public bool Enabled { get; set; } = true;
}
