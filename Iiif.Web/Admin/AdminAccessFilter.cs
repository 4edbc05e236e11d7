using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Net.Http.Headers;

namespace Iiif.Web.Admin;

/// <summary>Guards every admin action: 404 when admin is off, 403 for an address outside allowedIps, 401 without the
/// right X-Api-Key.</summary>
internal sealed class AdminAccessFilter(AdminAccess access) : IAuthorizationFilter
{
    public void OnAuthorization(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Result = access.Decide(context.HttpContext, requireKey: true) switch
        {
            AdminAccessDecision.Disabled => new NotFoundResult(),
            AdminAccessDecision.Forbidden => new StatusCodeResult(StatusCodes.Status403Forbidden),
            AdminAccessDecision.Unauthorized => Unauthorized(context.HttpContext),
            _ => null,
        };
    }

    private static UnauthorizedResult Unauthorized(HttpContext context)
    {
        // No standard scheme exists for API-key headers; this tells a client which header is expected.
        context.Response.Headers[HeaderNames.WWWAuthenticate] = $"ApiKey header=\"{AdminApi.ApiKeyHeader}\"";
        return new UnauthorizedResult();
    }
}
