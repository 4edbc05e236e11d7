using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Iiif.Tests.Web.Caching;

/// <summary>Counts requests as they enter the pipeline, so a test can wait until N concurrent requests have all arrived.</summary>
internal sealed class ArrivalCounter : IStartupFilter
{
    private int _arrived;

    public int Arrived => Volatile.Read(ref _arrived);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            Interlocked.Increment(ref _arrived);
            await nextMiddleware(context);
        });
        next(app);
    };

    public async Task WaitForAsync(int count, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        while (Arrived < count)
        {
            await Task.Delay(10, cancellation.Token);
        }
    }
}
