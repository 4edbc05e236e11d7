using Iiif.Web.Metrics;
using Prometheus;

namespace Iiif.Web.Auth;

/// <summary>The authorization series on /metrics: image requests refused by a policy (and why), what the token service
/// answered, and logins. An operator sees a misconfigured rule or an attack on the login page without reading logs.</summary>
internal sealed class AuthMetrics
{
    private readonly Counter _refused;
    private readonly Counter _tokens;
    private readonly Counter _logins;

    public AuthMetrics(IiifMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var factory = Prometheus.Metrics.WithCustomRegistry(metrics.Registry);
        _refused = factory.CreateCounter("iiif_auth_refused_total",
            "Image requests refused by an access policy, by policy, status (401, 403) and reason (no-cookie, expired, invalid, no-aspect, not-permitted, address).",
            new CounterConfiguration { LabelNames = ["policy", "status", "reason"] });
        _tokens = factory.CreateCounter("iiif_auth_token_responses_total",
            "Access token service answers, by policy and result (issued, or the AuthAccessTokenError2 profile).",
            new CounterConfiguration { LabelNames = ["policy", "result"] });
        _logins = factory.CreateCounter("iiif_auth_logins_total", "Login attempts at the access service, by policy and result (success, failure).",
            new CounterConfiguration { LabelNames = ["policy", "result"] });
    }

    public void CountRefused(string policy, int status, string reason) =>
        _refused.WithLabels(policy, status.ToString(System.Globalization.CultureInfo.InvariantCulture), reason).Inc();

    public void CountToken(string policy, string result) => _tokens.WithLabels(policy, result).Inc();

    public void CountLogin(string policy, bool success) => _logins.WithLabels(policy, success ? "success" : "failure").Inc();
}
