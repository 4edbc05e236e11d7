using Iiif.Core.Info;
using Iiif.Core.Planning;
using Iiif.Imaging;
using Iiif.Imaging.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace Iiif.Tests.Web.Caching;

/// <summary>The real renderer, counting identifies and renders, with an optional gate that holds renders until a test
/// opens it: how cache tests tell a hit (no image work) from a render without looking at timings.</summary>
internal sealed class CountingRenderer(IImageRenderer inner) : IImageRenderer
{
    private int _renders;
    private int _identifies;

    public int Renders => Volatile.Read(ref _renders);

    public int Identifies => Volatile.Read(ref _identifies);

    /// <summary>When set, renders wait for it before doing any work.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public ImageInfo Identify(ImageSourceHandle source, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _identifies);
        return inner.Identify(source, cancellationToken);
    }

    public bool ServesStoredBytes(ImageSourceHandle source, RenderPlan plan) => inner.ServesStoredBytes(source, plan);

    public async Task RenderAsync(ImageSourceHandle source, RenderPlan plan, Stream destination, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _renders);
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        await inner.RenderAsync(source, plan, destination, cancellationToken);
    }

    /// <summary>Wraps the registered renderer in a counting one; returns a handle to read the counts from.</summary>
    public static Func<IServiceProvider, CountingRenderer> Install(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(IImageRenderer));
        services.Remove(original);
        services.AddSingleton(sp => new CountingRenderer(Create(sp, original)));
        services.AddSingleton<IImageRenderer>(sp => sp.GetRequiredService<CountingRenderer>());
        return sp => sp.GetRequiredService<CountingRenderer>();
    }

    private static IImageRenderer Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        (IImageRenderer)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
