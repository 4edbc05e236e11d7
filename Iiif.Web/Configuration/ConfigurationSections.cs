using Iiif.Caching;
using Iiif.Imaging;
using Iiif.Imaging.Decoding;
using Iiif.Imaging.Encoding;
using Iiif.Imaging.Sources;
using Iiif.Imaging.Sources.Remote;
using Iiif.Imaging.Tiff;
using Iiif.Imaging.Transforms;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Configuration;

/// <summary>Which options classes each top-level configuration section binds to. The libraries' own options bind
/// directly (several classes may share a section: <c>imaging</c> feeds the encoders, the transform, the decoders and
/// ImageSharp); the host keeps classes only for what is its own. Registration, start-up validation and the unknown-key
/// check all read this one table.</summary>
internal static class ConfigurationSections
{
    public const string Images = "images";
    public const string Imaging = "imaging";
    public const string Cache = "cache";
    public const string Sources = "sources";

    /// <summary>Every bound section, in the order the configuration file lists them.</summary>
    public static IReadOnlyList<BoundSection> All { get; } =
    [
        new BoundSection<ServerOptions>(ServerOptions.SectionName),
        new BoundSection<FileSystemSourceOptions>(Images),
        new BoundSection<SourceRulesOptions>(Sources),
        new BoundSection<ImagingOptions>(Imaging),
        new BoundSection<EncodingOptions>(Imaging),
        new BoundSection<TransformOptions>(Imaging),
        new BoundSection<ImageSharpSourceDecoderOptions>(Imaging),
        new BoundSection<DecodedBlockCacheOptions>(Imaging),
        new BoundSection<TiffSourceDecoderOptions>(Imaging),
        new BoundSection<ImageSharpOptions>(Imaging),
        new BoundSection<LimitsOptions>(LimitsOptions.SectionName),
        new BoundSection<MemoryOptions>(MemoryOptions.SectionName),
        new BoundSection<InfoOptions>(InfoOptions.SectionName),
        new BoundSection<CachingOptions>(Cache),
        new BoundSection<ViewerOptions>(ViewerOptions.SectionName),
        new BoundSection<MetricsOptions>(MetricsOptions.SectionName),
        new BoundSection<AdminOptions>(AdminOptions.SectionName),
        new BoundSection<LoggingOptions>(LoggingOptions.SectionName),
    ];

    /// <summary>Sections of free names, read by their own setup rather than bound to fixed properties.</summary>
    public static IReadOnlyList<string> FreeForm { get; } = [ProfilesOptions.SectionName];

    /// <summary>The classes bound to <paramref name="section"/> (case-insensitive); empty for an unknown or free-form one.</summary>
    public static IReadOnlyList<Type> TypesOf(string section) =>
        All.Where(s => string.Equals(s.Name, section, StringComparison.OrdinalIgnoreCase)).Select(s => s.Options).ToList();

    public static bool IsKnown(string section) =>
        TypesOf(section).Count > 0 || FreeForm.Contains(section, StringComparer.OrdinalIgnoreCase);
}

/// <summary>One options class bound to one configuration section.</summary>
internal abstract class BoundSection(string name, Type options)
{
    public string Name { get; } = name;

    public Type Options { get; } = options;

    /// <summary>Binds the class to its section and validates it at start-up: its data annotations, reported under the
    /// section's key names, plus any validator registered for it.</summary>
    public abstract void Register(IServiceCollection services);
}

/// <inheritdoc/>
internal sealed class BoundSection<TOptions>(string name) : BoundSection(name, typeof(TOptions))
    where TOptions : class
{
    public override void Register(IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<TOptions>>(new SectionValidator<TOptions>(Name));
        services.AddOptions<TOptions>().BindConfiguration(Name).ValidateOnStart();
    }
}
