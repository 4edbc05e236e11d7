using Iiif.Caching;
using Iiif.Imaging;
using Iiif.Imaging.Decoding;
using Iiif.Imaging.Sources.Remote;
using Microsoft.Extensions.Options;

namespace Iiif.Web.Configuration;

/// <summary>Draws every cache's size and ImageSharp's pool from <c>memory.budgetMegabytes</c>: a size left empty gets
/// its <see cref="MemoryBudget"/> share, one set by its own key stays as set, and the explicit ones together may not
/// exceed the total. ImageSharp's single-allocation limit defaults to the whole budget, so no one image buffer can
/// need more.</summary>
internal sealed class MemoryBudgetSetup(IConfiguration configuration) :
    IPostConfigureOptions<CachingOptions>,
    IPostConfigureOptions<ImageSharpSourceDecoderOptions>,
    IPostConfigureOptions<DecodedBlockCacheOptions>,
    IPostConfigureOptions<ImageSharpOptions>,
    IPostConfigureOptions<SourceRulesOptions>,
    IValidateOptions<MemoryOptions>
{
    private readonly Lazy<MemoryBudget> _budget = new(() => Read(configuration));

    /// <summary>The split in force.</summary>
    public MemoryBudget Budget => _budget.Value;

    /// <summary>The budget from the raw configuration: the explicit shares are read before any of them is filled in.</summary>
    internal static MemoryBudget Read(IConfiguration configuration)
    {
        var total = configuration.GetSection(MemoryOptions.SectionName).Get<MemoryOptions>()?.BudgetMegabytes
            ?? new MemoryOptions().BudgetMegabytes;
        var imaging = configuration.GetSection(ConfigurationSections.Imaging);
        var set = new Dictionary<string, int>(StringComparer.Ordinal);
        // 0 was "the decoder's default" before the budget existed; it still means "not set".
        AddIfSet(set, MemoryBudget.DecodedImages, imaging.Get<ImageSharpSourceDecoderOptions>()?.MemoryBudgetMegabytes is > 0 and var images ? images : null);
        AddIfSet(set, MemoryBudget.DecodedBlocks, imaging.Get<DecodedBlockCacheOptions>()?.BlockCacheMegabytes);
        AddIfSet(set, MemoryBudget.DerivativesMemory, configuration.GetSection(ConfigurationSections.Cache).Get<CachingOptions>()?.Memory.MaxSizeMegabytes);
        AddIfSet(set, MemoryBudget.ImageSharpPool, imaging.Get<ImageSharpOptions>()?.MaximumPoolSizeMegabytes);
        AddIfSet(set, MemoryBudget.RemoteSources, configuration.GetSection(ConfigurationSections.Sources).Get<SourceRulesOptions>()?.RangeCache.MemoryMegabytes);
        return MemoryBudget.Split(total, set);
    }

    public void PostConfigure(string? name, CachingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Memory.MaxSizeMegabytes ??= Budget[MemoryBudget.DerivativesMemory];
    }

    public void PostConfigure(string? name, ImageSharpSourceDecoderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MemoryBudgetMegabytes is null or 0)
        {
            options.MemoryBudgetMegabytes = Budget[MemoryBudget.DecodedImages];
        }
    }

    public void PostConfigure(string? name, DecodedBlockCacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.BlockCacheMegabytes ??= Budget[MemoryBudget.DecodedBlocks];
    }

    public void PostConfigure(string? name, ImageSharpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.MaximumPoolSizeMegabytes ??= Budget[MemoryBudget.ImageSharpPool];
        options.AllocationLimitMegabytes ??= Budget.TotalMegabytes;
    }

    public void PostConfigure(string? name, SourceRulesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.RangeCache.MemoryMegabytes ??= Math.Max(1, Budget[MemoryBudget.RemoteSources]);
    }

    public ValidateOptionsResult Validate(string? name, MemoryOptions options)
    {
        var failures = new ConfigurationFailures(MemoryOptions.SectionName);
        failures.AddIf(Budget.Problem() is not null, "budgetMegabytes", Budget.Problem() ?? string.Empty);
        return failures.ToResult();
    }

    private static void AddIfSet(Dictionary<string, int> set, string share, int? megabytes)
    {
        if (megabytes is { } value)
        {
            set[share] = value;
        }
    }
}
