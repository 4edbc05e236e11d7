using System.Text.RegularExpressions;
using Iiif.Tests.Web.ImageApi;

namespace Iiif.Tests.Web.Metrics;

/// <summary>Issue #13: /metrics is guarded by the server itself (metrics.allowedIps), whatever spelling of the path routing
/// accepts, and carries the standard process and runtime series operators alert on.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class MetricsAccessTests
{
    private IiifTestServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await IiifTestServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [TestCase("/metrics")]
    [TestCase("/metrics/")]
    [TestCase("/METRICS")]
    [TestCase("/Metrics")]
    [Description("Through a trusted proxy (nginx on loopback) the client's own address decides, and it is not allowed.")]
    public async Task Metrics_ClientOutsideAllowList_403WhateverTheSpelling(string path)
    {
        var response = await _server.GetAsync(path, new Dictionary<string, string> { ["X-Forwarded-For"] = "203.0.113.7" });

        Assert.That(response.Status, Is.EqualTo(403), response.ToString());
        Assert.That(response.Text, Does.Contain("metrics.allowedIps").And.Not.Contain("iiif_"));
    }

    [TestCase("/metrics")]
    [TestCase("/METRICS")]
    public async Task Metrics_AllowedClient_Served(string path)
    {
        var response = await _server.GetAsync(path);

        Assert.That(response.Status, Is.EqualTo(200));
        Assert.That(response.Text, Does.Contain("iiif_http_requests_total"));
    }

    [Test]
    public async Task Metrics_AllowListWithoutLoopback_LoopbackRefused()
    {
        await using var server = await IiifTestServer.StartAsync(["--metrics:allowedIps:0=10.20.0.0/16"]);

        Assert.That((await server.GetAsync("/metrics")).Status, Is.EqualTo(403));
    }

    [Test]
    public async Task Metrics_ProcessAndRuntimeSeries_Present()
    {
        var text = (await _server.GetAsync("/metrics")).Text;

        Assert.Multiple(() =>
        {
            Assert.That(MetricsEndpointTests.Value(text, "process_resident_memory_bytes", string.Empty), Is.GreaterThan(10_000_000));
            Assert.That(MetricsEndpointTests.Value(text, "process_cpu_seconds_total", string.Empty), Is.GreaterThan(0));
            Assert.That(MetricsEndpointTests.Value(text, "process_open_fds", string.Empty), Is.GreaterThan(0));
            Assert.That(MetricsEndpointTests.Value(text, "process_max_fds", string.Empty), Is.GreaterThan(0));
            Assert.That(MetricsEndpointTests.Value(text, "process_start_time_seconds", string.Empty), Is.GreaterThan(1_600_000_000));
            Assert.That(MetricsEndpointTests.Value(text, "dotnet_threadpool_threads", string.Empty), Is.GreaterThan(0));
            Assert.That(MetricsEndpointTests.Value(text, "dotnet_gc_allocated_bytes_total", string.Empty), Is.GreaterThan(0));
            Assert.That(text, Does.Contain("dotnet_threadpool_queue_length "));
            Assert.That(text, Does.Contain("dotnet_gc_pause_seconds_total "));
            Assert.That(text, Does.Match("dotnet_collection_count_total\\{generation=\"0\"\\} \\d+"));
            Assert.That(Regex.IsMatch(text, "^iiif_build_info\\{version=\"[^\"]+\",runtime=\"\\.NET [^\"]+\",openjpeg=\"2\\.[^\"]+\"\\} 1$", RegexOptions.Multiline),
                Is.True, "iiif_build_info with version, runtime and OpenJPEG labels");
        });
    }
}
