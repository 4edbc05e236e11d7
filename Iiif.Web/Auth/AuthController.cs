using System.Text.Json;
using Iiif.Core.Requests;
using Iiif.Web.Admin;
using Iiif.Web.Configuration;
using Iiif.Web.Http;
using Iiif.Web.Logging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Iiif.Web.Auth;

/// <summary>The services of the IIIF Authorization Flow API 2.0 (https://iiif.io/api/auth/2.0/) under /auth: the probe,
/// the access service pages (login, terms), the token service page and logout. Not in the admin Swagger document.</summary>
[Route("auth")]
[ApiExplorerSettings(IgnoreApi = true)]
internal sealed class AuthController(
    AccessRules rules, ProbeResponder probes, TokenResponder tokens, AccessLogins logins, AuthSessions sessions, IOptions<ServerOptions> server,
    ILogger<AuthController> logger)
    : Controller
{
    private const string NoStore = "no-store";

    [HttpGet("probe/{version:int}/{**id}")]
    public async Task<IActionResult> Probe(int version)
    {
        // auth/probe/{version}/: three literal segments before the identifier, read raw as in IIIF URLs.
        var identifier = AdminIdentifier.Read(HttpContext, 3);
        if (version is not (2 or 3) || !identifier.IsSuccess)
        {
            return NotFound();
        }

        AddCors();
        Response.Headers.CacheControl = NoStore;
        Response.Headers.Vary = HeaderNames.Authorization;
        HttpContext.SetLogResult("auth");
        var result = await probes.ProbeAsync(HttpContext, version == 2 ? ApiVersion.V2 : ApiVersion.V3, identifier.Value).ConfigureAwait(false);
        // https://iiif.io/api/auth/2.0/#status: the probe itself answers 200 whatever the status it reports.
        return Content(result.ToJsonString(), "application/ld+json");
    }

    /// <summary>CORS preflight of a probe with its Authorization header, from a viewer on another origin.</summary>
    [HttpOptions("probe/{version:int}/{**id}")]
    public IActionResult ProbePreflight()
    {
        AddCors();
        Response.Headers.AccessControlAllowMethods = "GET, OPTIONS";
        Response.Headers.AccessControlAllowHeaders = HeaderNames.Authorization;
        Response.Headers.AccessControlMaxAge = IiifHeaders.PreflightMaxAge;
        return NoContent();
    }

    [HttpGet("login/{policy}")]
    public Task<IActionResult> Login(string policy, string? origin) =>
        PageAsync(policy, PolicyKind.Login, p => Task.FromResult<IActionResult>(View("Login", logins.LoginModel(HttpContext, p, origin, error: null))));

    [HttpPost("login/{policy}")]
    [ValidateAntiForgeryToken]
    public Task<IActionResult> LoginPost(string policy, string? origin, [FromForm] string? user, [FromForm] string? password) =>
        PageAsync(policy, PolicyKind.Login, async p =>
        {
            var error = await logins.LoginAsync(HttpContext, p, user, password).ConfigureAwait(false);
            return error is null ? Done(p.Texts.Heading.Text(ReaderLanguages.Of(Request)), "You are logged in. This window closes itself; if it does not, close it and return to the viewer.")
                : View("Login", logins.LoginModel(HttpContext, p, origin, error));
        });

    [HttpGet("terms/{policy}")]
    public Task<IActionResult> Terms(string policy, string? origin) =>
        PageAsync(policy, PolicyKind.Terms, p => Task.FromResult<IActionResult>(
            View("Terms", new AuthTermsModel(
                p.Name, p.Texts.Heading.Text(ReaderLanguages.Of(Request)), p.Texts.Terms.Text(ReaderLanguages.Of(Request)), "Accept", origin))));

    [HttpPost("terms/{policy}")]
    [ValidateAntiForgeryToken]
    public Task<IActionResult> TermsPost(string policy) =>
        PageAsync(policy, PolicyKind.Terms, async p =>
        {
            await logins.AcceptTermsAsync(HttpContext, p).ConfigureAwait(false);
            return Done(p.Texts.Heading.Text(ReaderLanguages.Of(Request)), "You accepted the terms. This window closes itself; if it does not, close it and return to the viewer.");
        });

    /// <summary>https://iiif.io/api/auth/2.0/#access-token-service-request: opened in a hidden frame with messageId and
    /// origin; always 200 with a page that posts the token or the error to that origin.</summary>
    [HttpGet("token/{policy}")]
    public async Task<IActionResult> Token(string policy, string? messageId, string? origin)
    {
        Response.Headers.CacheControl = NoStore;
        HttpContext.SetLogResult("auth");
        var validOrigin = origin is not null && AuthOptionsValidator.IsOrigin(origin) ? origin : null;
        var message = messageId is null || validOrigin is null || !rules.Policies.TryGetValue(policy, out var found) || !found.IsRestricted
            ? TokenResponder.InvalidRequest(messageId ?? string.Empty)
            : await tokens.RespondAsync(HttpContext, found, messageId, validOrigin).ConfigureAwait(false);
        // Only the requesting origin may frame the page (postMessage's targetOrigin already limits who reads it).
        Response.Headers.ContentSecurityPolicy = "frame-ancestors " + (validOrigin ?? "'none'");
        return View("Token", new AuthTokenModel(message.ToJsonString(), validOrigin is null ? null : JsonSerializer.Serialize(validOrigin)));
    }

    /// <summary>https://iiif.io/api/auth/2.0/#logout-interaction: ends the session (every policy's), deletes the cookie.</summary>
    [HttpGet("logout")]
    public async Task<IActionResult> Logout()
    {
        await sessions.SignOutAsync(HttpContext).ConfigureAwait(false);
        Log.AuthLogout(logger);
        return Done("Logged out", "You are logged out. Restricted images are no longer shown in full in this browser.");
    }

    private async Task<IActionResult> PageAsync(string name, PolicyKind kind, Func<AccessPolicy, Task<IActionResult>> show)
    {
        // Never inside a frame of another site (clickjacking of the login and accept buttons).
        Response.Headers.XFrameOptions = "DENY";
        Response.Headers.ContentSecurityPolicy = "frame-ancestors 'none'";
        Response.Headers.CacheControl = NoStore;
        HttpContext.SetLogResult("auth");
        return rules.Policies.TryGetValue(name, out var policy) && policy.Kind == kind
            ? await show(policy).ConfigureAwait(false)
            : NotFound();
    }

    private ViewResult Done(string heading, string message) => View("Done", new AuthDoneModel(heading, message));

    private void AddCors()
    {
        if (server.Value.Cors.Length > 0)
        {
            Response.Headers.AccessControlAllowOrigin = server.Value.Cors;
        }
    }
}
