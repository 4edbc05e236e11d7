namespace Iiif.Web.Admin;

/// <summary>Puts the Swagger UI and its JSON behind the admin switch and the address allow list. They need no key: a
/// browser cannot send X-Api-Key when it first loads the page. The endpoints the UI calls still require the key,
/// which the UI's Authorize button adds to each call.</summary>
internal sealed class AdminSwaggerGuardMiddleware(RequestDelegate next, AdminAccess access)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        switch (access.Decide(context, requireKey: false))
        {
            case AdminAccessDecision.Disabled:
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            case AdminAccessDecision.Forbidden:
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            default:
                return next(context);
        }
    }
}
