namespace Iiif.Web;

/// <summary>Log messages of the IIIF Authorization Flow services (Iiif.Web.Auth).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 600, EventName = "AuthLogin", Level = LogLevel.Information, Message = "auth: {user} logged in for policy {policy}")]
    public static partial void AuthLogin(ILogger logger, string user, string policy);

    [LoggerMessage(EventId = 601, EventName = "AuthLoginFailed", Level = LogLevel.Warning, Message = "auth: failed login as {user} for policy {policy}")]
    public static partial void AuthLoginFailed(ILogger logger, string user, string policy);

    [LoggerMessage(EventId = 602, EventName = "AuthTermsAccepted", Level = LogLevel.Information, Message = "auth: terms of policy {policy} accepted")]
    public static partial void AuthTermsAccepted(ILogger logger, string policy);

    [LoggerMessage(EventId = 603, EventName = "AuthLogout", Level = LogLevel.Information, Message = "auth: logged out")]
    public static partial void AuthLogout(ILogger logger);

    [LoggerMessage(EventId = 604, EventName = "AccountsUnreadable", Level = LogLevel.Error,
        Message = "auth: the accounts file {img} cannot be read ({reason}); the accounts read before stay in force")]
    public static partial void AccountsUnreadable(ILogger logger, string img, string reason);

    [LoggerMessage(EventId = 605, EventName = "AccountHashInvalid", Level = LogLevel.Error,
        Message = "auth: the password of {user} in the accounts file is not a hash made by iiif hash-password")]
    public static partial void AccountHashInvalid(ILogger logger, string user);

    [LoggerMessage(EventId = 606, EventName = "AuthProxyHeaderIgnored", Level = LogLevel.Warning,
        Message = "auth: {header} came from {ip}, which is not in server.trustedProxies; ignored")]
    public static partial void AuthProxyHeaderIgnored(ILogger logger, string header, string? ip);

    [LoggerMessage(EventId = 607, EventName = "DegradedUnavailable", Level = LogLevel.Warning,
        Message = "auth: the degraded version of {img} could not be made: {reason}")]
    public static partial void DegradedUnavailable(ILogger logger, string img, string reason);

    [LoggerMessage(EventId = 608, EventName = "AuthRefused", Level = LogLevel.Information,
        Message = "auth: {img} refused with {status} under policy {policy}: {reason}")]
    public static partial void AuthRefused(ILogger logger, string img, string policy, int status, string reason);
}
