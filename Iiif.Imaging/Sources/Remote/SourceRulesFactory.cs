using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace Iiif.Imaging.Sources.Remote;

/// <summary>Builds the server's <see cref="IImageSource"/> from the <c>sources</c> rules: the image folder alone when
/// there are none, else a <see cref="RoutedImageSource"/> over one source per rule.</summary>
internal static class SourceRulesFactory
{
    /// <summary>The HTTP client name of a rule (one pool per rule).</summary>
    public static string ClientName(string rule) => "iiif-source-" + rule;

    public static IImageSource Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<SourceRulesOptions>>().Value;
        var folder = services.GetRequiredService<FileSystemImageSource>();
        if (options.Rules.Count == 0)
        {
            return folder;
        }

        var cache = services.GetRequiredService<RangeCache>();
        var plans = services.GetRequiredService<ReadPlanCache>();
        var counters = services.GetRequiredService<RemoteSourceCounters>();
        var loggers = services.GetRequiredService<ILoggerFactory>();
        var routes = new List<(SourceRule, IImageSource, bool)>();
        foreach (var rule in options.Rules)
        {
            var matcher = new SourceRule(rule.Name, rule.Prefix, rule.Regex);
            var reuse = TimeSpan.FromSeconds(rule.VersionCheckSeconds);
            switch (rule.Type.ToUpperInvariant())
            {
                case "FILESYSTEM":
                    var folderOptions = rule.Filesystem ?? throw new InvalidOperationException($"Source rule '{rule.Name}' needs a filesystem section.");
                    routes.Add((matcher, new FileSystemImageSource(Options.Create(folderOptions), loggers.CreateLogger<FileSystemImageSource>()), false));
                    break;
                case "HTTP":
                    var http = rule.Http ?? throw new InvalidOperationException($"Source rule '{rule.Name}' needs an http section.");
                    var factory = services.GetRequiredService<IHttpClientFactory>();
                    var name = ClientName(rule.Name);
                    var store = new HttpRemoteStore(rule.Name, http, TimeSpan.FromSeconds(rule.TimeoutSeconds), () => factory.CreateClient(name), counters.For(rule.Name));
                    routes.Add((matcher, Remote(matcher, "http", store), false));
                    break;
                case "S3":
                    var s3 = rule.S3 ?? throw new InvalidOperationException($"Source rule '{rule.Name}' needs an s3 section.");
                    var bucket = new S3RemoteStore(rule.Name, s3, TimeSpan.FromSeconds(rule.TimeoutSeconds), rule.Retries, rule.MaxConnections, counters.For(rule.Name));
                    var remote = Remote(matcher, "s3", bucket);
                    routes.Add((matcher, remote, remote.CanList));
                    break;
                default:
                    throw new InvalidOperationException($"Source rule '{rule.Name}' has type '{rule.Type}'; use filesystem, http or s3.");
            }

            RemoteImageSource Remote(SourceRule matcher, string kind, IRemoteStore store) =>
                new(matcher, kind, store, cache, plans, counters.For(rule.Name), reuse, loggers.CreateLogger<RemoteImageSource>());
        }

        return new RoutedImageSource(routes, folder);
    }

    /// <summary>One named, pooled HttpClient per http rule: a bounded connection pool, then a total timeout around
    /// retries with exponential backoff (GET and HEAD only: every request a source sends is an idempotent read) around a
    /// timeout per attempt.</summary>
    public static void AddHttpClients(IServiceCollection services, IEnumerable<SourceRuleOptions> rules)
    {
        foreach (var rule in rules.Where(r => string.Equals(r.Type, "http", StringComparison.OrdinalIgnoreCase)))
        {
            var total = TimeSpan.FromSeconds(rule.TimeoutSeconds);
            services.AddHttpClient(ClientName(rule.Name), client => client.Timeout = Timeout.InfiniteTimeSpan)
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
                {
                    MaxConnectionsPerServer = rule.MaxConnections,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    ConnectTimeout = total,
                    AutomaticDecompression = System.Net.DecompressionMethods.None,
                })
                .AddResilienceHandler("iiif-source", pipeline =>
                {
                    pipeline.AddTimeout(total);
                    if (rule.Retries > 0)
                    {
                        var retry = new HttpRetryStrategyOptions
                        {
                            MaxRetryAttempts = rule.Retries,
                            BackoffType = DelayBackoffType.Exponential,
                            UseJitter = true,
                            Delay = TimeSpan.FromMilliseconds(200),
                        };
                        retry.DisableForUnsafeHttpMethods();
                        pipeline.AddRetry(retry);
                    }

                    pipeline.AddTimeout(TimeSpan.FromTicks(total.Ticks / (rule.Retries + 1)));
                });
        }
    }
}
