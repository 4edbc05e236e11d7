using Iiif.Caching;
using Iiif.Imaging.Sources;
using Iiif.Web.Configuration;
using Iiif.Web.Http;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Auth;

/// <summary>Registers the IIIF Authorization Flow API 2.0 (https://iiif.io/api/auth/2.0/): policies and rules, the
/// access cookie (ASP.NET Core cookie authentication), Data Protection keys shared through a folder (so instances
/// behind one load balancer accept each other's cookies and tokens), the services and pages, and the degraded versions
/// as a wrapper of the image source. Without auth.rules nothing changes for image requests.</summary>
internal static class AuthExtensions
{
    /// <summary>The Data Protection application name: instances must share it, and their keys folder, to share cookies.</summary>
    public const string ApplicationName = "iiif";

    /// <summary>Call after the imaging layer is registered: the image source gets the degraded-version wrapper.</summary>
    public static IServiceCollection AddIiifAuth(this IServiceCollection services)
    {
        services.AddIiifMvc();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AccessRules>();
        services.TryAddSingleton<AuthMetrics>();
        services.TryAddSingleton<RevokedSessions>();
        services.TryAddSingleton<AuthSessions>();
        services.TryAddSingleton<AccessTokens>();
        services.TryAddSingleton<AllowedOrigins>();
        services.TryAddSingleton<AccessGate>();
        services.TryAddSingleton<ProbeResponder>();
        services.TryAddSingleton<TokenResponder>();
        services.TryAddSingleton<AuthInfoServices>();
        services.TryAddSingleton<AccountStore>();
        services.TryAddSingleton<AccessLogins>();
        services.AddTransient<IStartupFilter, PeerAddress.StartupFilter>();
        services.AddAuthentication().AddCookie(AuthSessions.Scheme);
        services.AddOptions<CookieAuthenticationOptions>(AuthSessions.Scheme)
            .Configure<IOptions<AuthOptions>, AllowedOrigins, TimeProvider>(ConfigureCookie);
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<AuthOptions>, IOptions<CachingOptions>, ILoggerFactory>((keys, auth, cache, loggers) =>
            {
                if (auth.Value.IsEnabled)
                {
                    keys.XmlRepository = new FileSystemXmlRepository(KeysDirectory(auth.Value, cache.Value), loggers);
                }
            });
        DecorateImageSource(services);
        return services;
    }

    /// <summary>auth.keysDirectory, else {cache.root}/keys; created readable by the server's user only.</summary>
    public static DirectoryInfo KeysDirectory(AuthOptions auth, CachingOptions cache)
    {
        ArgumentNullException.ThrowIfNull(auth);
        ArgumentNullException.ThrowIfNull(cache);
        var path = Path.GetFullPath(auth.KeysDirectory.Length > 0 ? auth.KeysDirectory : Path.Combine(cache.Root, "keys"));
        return OperatingSystem.IsWindows()
            ? Directory.CreateDirectory(path)
            : Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static void ConfigureCookie(CookieAuthenticationOptions cookie, IOptions<AuthOptions> auth, AllowedOrigins origins, TimeProvider time)
    {
        var options = auth.Value.Cookie;
        cookie.Cookie.Name = options.Name;
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.Path = "/";
        cookie.Cookie.Domain = options.Domain.Length > 0 ? options.Domain : null;
        cookie.Cookie.IsEssential = true;
        // Images shown by a page of another site travel with the cookie only when it is SameSite=None, which browsers
        // accept only with Secure (https://iiif.io/api/auth/2.0/#user-interaction-at-access-service).
        cookie.Cookie.SameSite = SameSite(options.SameSite, origins.AllowsOtherSites);
        cookie.Cookie.SecurePolicy = cookie.Cookie.SameSite == SameSiteMode.None ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        cookie.ExpireTimeSpan = TimeSpan.FromSeconds(options.Lifetime);
        // A fixed lifetime: a renewed cookie on image responses would make them uncacheable and tokens outlive nothing.
        cookie.SlidingExpiration = false;
        cookie.TimeProvider = time;
    }

    private static SameSiteMode SameSite(string configured, bool otherSites) => configured.ToLowerInvariant() switch
    {
        "none" => SameSiteMode.None,
        "lax" => SameSiteMode.Lax,
        "strict" => SameSiteMode.Strict,
        _ => otherSites ? SameSiteMode.None : SameSiteMode.Lax,
    };

    private static void DecorateImageSource(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IImageSource));
        if (registered is null)
        {
            return;
        }

        services.Remove(registered);
        services.AddSingleton<IImageSource>(sp => new DegradedImageSource(
            Create(sp, registered), sp.GetRequiredService<AccessRules>(), sp, sp.GetRequiredService<ILogger<DegradedImageSource>>()));
    }

    private static IImageSource Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        (IImageSource)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
