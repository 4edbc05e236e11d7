using System.Text.Json;
using Iiif.Tests.TestUtilities;
using Iiif.Web.Logging;

namespace Iiif.Tests.Web.Logging;

/// <summary>Issue #13: the server and a command never write the same file (two writers of one file overwrite each
/// other's lines); every log file stays valid JSON lines while both run at once.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class ProcessLogFileTests
{
    [Test]
    [Description("A warm run (its own process) while the server answers requests: each writes its own file, every line is JSON")]
    public async Task WarmWhileServing_EachProcessItsOwnFile_AllLinesJson()
    {
        await using var host = await RunningHost.StartAsync(folder =>
        {
            for (var i = 0; i < 4; i++)
            {
                RunningHost.AddImage(folder, "image" + i);
            }
        });
        var warm = ExecutableProcess.RunAsync(["warm", "--logging:level=Debug", .. host.Folder.HostArgs()], TimeSpan.FromMinutes(3));
        var requests = 0;
        while (!warm.IsCompleted || requests < 50)
        {
            using var response = await host.GetAsync($"/iiif/3/image{requests % 4}/full/{32 + (requests % 64)},/0/default.jpg");
            requests++;
        }

        var (exitCode, output) = await warm;
        var serverLines = await host.StopAndReadLogAsync();

        Assert.That(exitCode, Is.Zero, output);
        var files = Directory.GetFiles(host.Folder.LogDirectory, "*.log").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.That(files, Is.EqualTo(new[] { "iiif-warm.log", "iiif.log" }));
        var warmLines = await File.ReadAllLinesAsync(Path.Combine(host.Folder.LogDirectory, "iiif-warm.log"));
        Assert.Multiple(() =>
        {
            AssertJsonLines(serverLines, "iiif.log");
            AssertJsonLines(warmLines, "iiif-warm.log");
            Assert.That(serverLines.Count(l => l.Contains("\"EventName\":\"RequestCompleted", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(requests));
            Assert.That(warmLines.Count(l => l.Contains("\"EventName\":\"CacheWarmed\"", StringComparison.Ordinal)), Is.EqualTo(4));
            Assert.That(serverLines.Any(l => l.Contains("\"EventName\":\"CacheWarmed\"", StringComparison.Ordinal)), Is.False);
        });
    }

    [Test]
    [Description("Two runs of one command at once: the second writes iiif-{command}-{pid}.log, not the first's file")]
    public void ReserveLogName_AlreadyHeld_FallsBackToProcessName()
    {
        var folder = Directory.CreateTempSubdirectory("iiif-log-names-").FullName;
        try
        {
            var (first, firstReservation) = NLogSetup.ReserveLogName(folder, "iiif-warm");
            using (firstReservation)
            {
                var (second, secondReservation) = NLogSetup.ReserveLogName(folder, "iiif-warm");
                secondReservation?.Dispose();

                Assert.That(first, Is.EqualTo("iiif-warm"));
                Assert.That(second, Is.EqualTo($"iiif-warm-{Environment.ProcessId}"));
            }

            var (again, againReservation) = NLogSetup.ReserveLogName(folder, "iiif-warm");
            againReservation?.Dispose();
            Assert.That(again, Is.EqualTo("iiif-warm"), "released when the first run ends");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void AssertJsonLines(IEnumerable<string> lines, string file)
    {
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            Assert.That(() => JsonDocument.Parse(line).Dispose(), Throws.Nothing, $"{file} line {number} is not JSON: {line}");
        }

        Assert.That(number, Is.GreaterThan(0), file + " is empty");
    }
}
