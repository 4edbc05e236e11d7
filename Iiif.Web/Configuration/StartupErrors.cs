using Microsoft.Extensions.Options;

namespace Iiif.Web.Configuration;

/// <summary>Recognises the exceptions a bad configuration causes during start-up and turns them into "key: message"
/// lines; anything else is a bug and keeps its stack trace.</summary>
internal static class StartupErrors
{
    private const string BinderAssembly = "Microsoft.Extensions.Configuration.Binder";

    /// <summary>The configuration failures an exception stands for, or null when it is not a configuration error.</summary>
    public static IReadOnlyList<string>? Describe(Exception exception) => exception switch
    {
        InvalidConfigurationException e => e.Failures,
        OptionsValidationException e => e.Failures.ToList(),
        AggregateException e => DescribeAll(e.InnerExceptions),
        // The binder names the key in its message: "Failed to convert configuration value at 'limits:maxWidth' ...".
        InvalidOperationException e when e.Source == BinderAssembly => [e.Message],
        _ => null,
    };

    private static List<string>? DescribeAll(IEnumerable<Exception> exceptions)
    {
        var parts = exceptions.Select(Describe).ToList();
        return parts.All(p => p is not null) ? parts.SelectMany(p => p!).ToList() : null;
    }
}
