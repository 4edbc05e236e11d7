using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Configuration;

/// <summary>Recognises the exceptions a bad configuration causes during start-up and turns them into "key: message"
/// lines; anything else is a bug and keeps its stack trace.</summary>
internal static partial class StartupErrors
{
    private const string BinderAssembly = "Microsoft.Extensions.Configuration.Binder";

    /// <summary>The configuration failures an exception stands for, or null when it is not a configuration error.</summary>
    public static IReadOnlyList<string>? Describe(Exception exception) => exception switch
    {
        InvalidConfigurationException e => e.Failures,
        OptionsValidationException e => e.Failures.ToList(),
        AggregateException e => DescribeAll(e.InnerExceptions),
        InvalidOperationException e when e.Source == BinderAssembly => [FromBinder(e.Message)],
        _ => null,
    };

    /// <summary>"Failed to convert configuration value 'x' at 'imaging:TileSize' to type 'System.Int32'." becomes
    /// "imaging.tileSize: 'x' is not a whole number", the form of every other configuration error.</summary>
    internal static string FromBinder(string message)
    {
        var match = BinderConversion().Match(message);
        if (!match.Success)
        {
            return message;
        }

        var key = string.Join('.', match.Groups["path"].Value.Split(':').Select(ConfigurationRules.CamelCase));
        if (EnumType(match.Groups["type"].Value) is { } enumType)
        {
            return $"{key}: {ConfigurationRules.EnumMessage(enumType)}, not '{match.Groups["value"].Value}'";
        }

        var expected = match.Groups["type"].Value switch
        {
            "System.Int32" or "System.Int64" => "a whole number",
            "System.Decimal" or "System.Double" => "a number",
            "System.Boolean" => "true or false",
            var type => "of type " + type,
        };
        return $"{key}: '{match.Groups["value"].Value}' is not {expected}";
    }

    /// <summary>The enum of that name among the server's options, if the failed conversion was to one.</summary>
    private static Type? EnumType(string fullName) =>
        ConfigurationSections.All.Select(s => s.Options.Assembly).Distinct()
            .Select(assembly => assembly.GetType(fullName))
            .FirstOrDefault(type => type is { IsEnum: true });

    [GeneratedRegex("^Failed to convert configuration value '(?<value>.*)' at '(?<path>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex BinderConversion();

    private static List<string>? DescribeAll(IEnumerable<Exception> exceptions)
    {
        var parts = exceptions.Select(Describe).ToList();
        return parts.All(p => p is not null) ? parts.SelectMany(p => p!).ToList() : null;
    }
}
