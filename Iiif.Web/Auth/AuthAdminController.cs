using Iiif.Web.Admin;
using Iiif.Web.Logging;
using Microsoft.AspNetCore.Mvc;

namespace Iiif.Web.Auth;

/// <summary>Which access rule applies to an identifier, for operators debugging auth.rules. Protected like every admin
/// endpoint (<see cref="AdminAccessFilter"/>).</summary>
[ApiController]
[Route("admin/auth")]
[ApiExplorerSettings(GroupName = AdminApi.GroupName)]
[ServiceFilter<AdminAccessFilter>]
[Produces("application/json")]
[ProducesResponseType(StatusCodes.Status401Unauthorized)]
[ProducesResponseType(StatusCodes.Status403Forbidden)]
internal sealed class AuthAdminController(AccessRules rules) : ControllerBase
{
    /// <summary>The rule and policy that decide who may see the images of one identifier: the first rule of auth.rules
    /// that matches it (null when none does, so the image is open), and the degraded version its policy offers.</summary>
    /// <param name="id">The identifier, percent-encoded as in IIIF URLs (%2F for a slash inside it).</param>
    [HttpGet("rule/{**id}", Name = "admin-auth-rule")]
    [ProducesResponseType<AuthRuleReport>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    public IActionResult Rule(string id)
    {
        var identifier = AdminIdentifier.Read(HttpContext, 3);
        if (!identifier.IsSuccess)
        {
            return Problem(statusCode: StatusCodes.Status400BadRequest, detail: identifier.Error.Message);
        }

        HttpContext.SetLogResult("admin");
        var value = identifier.Value.Value;
        if (rules.TryDegraded(value, out var original, out var degradedOf))
        {
            return Ok(new AuthRuleReport(value, null, null, AuthOptionsOpen, "open", false, null, $"the degraded version of '{original}' (policy {degradedOf.Name})"));
        }

        var rule = rules.RuleFor(value);
        var policy = rule?.Policy ?? AccessPolicy.Open;
        var degraded = policy.Degraded is { } d ? new AuthDegradedReport(value + rules.DegradedSuffix, d.MaxSize, d.Gray) : null;
        return Ok(new AuthRuleReport(value, rule?.Index, rule?.Describe(), policy.Name, policy.Kind.ToString().ToLowerInvariant(),
            policy.IsRestricted, degraded, rule is null ? "no rule matches: open" : null));
    }

    private const string AuthOptionsOpen = Configuration.AuthOptions.OpenPolicy;
}

/// <summary>The rule that applies to an identifier.</summary>
/// <param name="Identifier">The decoded identifier.</param>
/// <param name="Rule">The 0-based position of the first matching rule in auth.rules, or null when none matches.</param>
/// <param name="Match">That rule's prefix or pattern.</param>
/// <param name="Policy">The policy's name ("open" when no rule matches).</param>
/// <param name="Type">login, terms, network or open.</param>
/// <param name="Restricted">Whether images of the identifier need an aspect.</param>
/// <param name="Degraded">The degraded version the policy offers, or null.</param>
/// <param name="Note">Why, in words, when no rule decided.</param>
public sealed record AuthRuleReport(
    string Identifier, int? Rule, string? Match, string Policy, string Type, bool Restricted, AuthDegradedReport? Degraded, string? Note);

/// <summary>A degraded version: its identifier and limits.</summary>
/// <param name="Identifier">The identifier to request it under.</param>
/// <param name="MaxSize">Longest side in pixels, 0 for the image's own size.</param>
/// <param name="Gray">Whether it is gray.</param>
public sealed record AuthDegradedReport(string Identifier, int MaxSize, bool Gray);
