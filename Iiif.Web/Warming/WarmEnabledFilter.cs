using Iiif.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Warming;

/// <summary><c>cache.warm.enabled: false</c> makes the warming routes answer 404 as if they did not exist: before the
/// admin key check (use it with a lower Order than <see cref="Admin.AdminAccessFilter"/>), so a disabled endpoint does
/// not even ask for a key.</summary>
internal sealed class WarmEnabledFilter(IOptions<CachingOptions> options) : IAuthorizationFilter
{
    public void OnAuthorization(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!options.Value.Warm.Enabled)
        {
            context.Result = new NotFoundResult();
        }
    }
}
