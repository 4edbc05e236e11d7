using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using Iiif.Imaging.Jpeg2000;
using Prometheus;

namespace Iiif.Web.Metrics;

/// <summary>The process and runtime series operators alert on, in the names Prometheus' own client libraries use:
/// prometheus-net's set (process_cpu_seconds_total, process_working_set_bytes, process_start_time_seconds,
/// process_num_threads, dotnet_collection_count_total, dotnet_total_memory_bytes, ...) plus resident memory and file
/// descriptors as the Go and Python clients name them, GC pause time and allocations, the thread pool, and build info.
/// Read when /metrics is scraped; nothing is counted on the request path.</summary>
internal static class ProcessMetrics
{
    public static void Register(CollectorRegistry registry, MetricFactory factory)
    {
        DotNetStats.Register(registry);
        var resident = factory.CreateGauge("process_resident_memory_bytes", "Resident memory size in bytes.");
        var openFds = factory.CreateGauge("process_open_fds", "Number of open file descriptors.");
        var maxFds = factory.CreateGauge("process_max_fds", "Maximum number of open file descriptors.");
        var pauses = factory.CreateCounter("dotnet_gc_pause_seconds_total", "Total time the garbage collector has paused the process.");
        var allocated = factory.CreateCounter("dotnet_gc_allocated_bytes_total", "Bytes allocated on the managed heap since start-up.");
        var threads = factory.CreateGauge("dotnet_threadpool_threads", "Thread pool threads now.");
        var queued = factory.CreateGauge("dotnet_threadpool_queue_length", "Work items queued to the thread pool and not yet started (a rising value means it is starved).");
        var completed = factory.CreateCounter("dotnet_threadpool_completed_items_total", "Work items the thread pool has completed.");
        var contention = factory.CreateCounter("dotnet_monitor_lock_contention_total", "Times a thread waited for a lock held by another.");
        factory.CreateGauge("iiif_build_info", "Always 1; the labels say which build runs.", new GaugeConfiguration
        {
            LabelNames = ["version", "runtime", "openjpeg"],
        }).WithLabels(Version(), RuntimeInformation.FrameworkDescription, Jpeg2000Codec.TryGetVersion() ?? "unavailable").Set(1);

        registry.AddBeforeCollectCallback(() =>
        {
            resident.Set(Environment.WorkingSet);
            if (CountOpenFileDescriptors() is { } open)
            {
                openFds.Set(open);
            }

            if (FileDescriptorLimit() is { } limit)
            {
                maxFds.Set(limit);
            }

            pauses.IncTo(GC.GetTotalPauseDuration().TotalSeconds);
            allocated.IncTo(GC.GetTotalAllocatedBytes());
            threads.Set(ThreadPool.ThreadCount);
            queued.Set(ThreadPool.PendingWorkItemCount);
            completed.IncTo(ThreadPool.CompletedWorkItemCount);
            contention.IncTo(Monitor.LockContentionCount);
        });
    }

    private static string Version() =>
        typeof(ProcessMetrics).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ProcessMetrics).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    // Linux only (/proc); elsewhere the series stays absent rather than wrong.
    private static int? CountOpenFileDescriptors()
    {
        try
        {
            return Directory.Exists("/proc/self/fd") ? Directory.EnumerateFileSystemEntries("/proc/self/fd").Count() : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long? FileDescriptorLimit()
    {
        try
        {
            // "Max open files            1024                 524288               files": the soft limit applies.
            var line = File.Exists("/proc/self/limits")
                ? File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal))
                : null;
            var fields = line?["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields is { Length: > 0 } && long.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var soft) ? soft : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
