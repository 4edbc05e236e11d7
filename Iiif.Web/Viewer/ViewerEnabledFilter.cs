using Iiif.Web.Configuration;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Viewer;

/// <summary><c>viewer.enabled: false</c> makes the viewer routes answer 404, as if they did not exist.</summary>
internal sealed class ViewerEnabledFilter(IOptions<ViewerOptions> options) : IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!options.Value.Enabled)
        {
            context.Result = new NotFoundResult();
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
