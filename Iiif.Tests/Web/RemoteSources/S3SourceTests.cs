using System.Globalization;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Iiif.Core.Identifiers;
using Iiif.Imaging.Sources;
using Iiif.Tests.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Iiif.Tests.Web.RemoteSources;

/// <summary>The s3 source against s3rver (an S3-protocol server from npm, installed by test.sh and started here on a
/// free port, path-style, with its fixed test credentials): tiles equal to the same files on disk in both API versions,
/// ranged reads, a listing for the index and warming, and 404 for a missing key.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public class S3SourceTests
{
    private const string Bucket = "masters";
    private UpstreamProcess _s3 = null!;
    private string _data = null!;

    private string Endpoint => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{_s3.Port}");

    [OneTimeSetUp]
    public async Task StartS3rver()
    {
        var script = Path.Combine(RepositoryPaths.Root, ".ci", "tools", "node_modules", "s3rver", "bin", "s3rver.js");
        if (!File.Exists(script))
        {
            Assert.Fail("s3rver is not installed: ./test.sh installs it (npm install --prefix .ci/tools s3rver@3.7.1).");
        }

        _data = Directory.CreateTempSubdirectory("iiif-s3rver-").FullName;
        var port = UpstreamProcess.FreePort();
        _s3 = UpstreamProcess.Start("node",
            [script, "-d", _data, "-a", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "--silent", "--configure-bucket", Bucket],
            port);
        using var client = new AmazonS3Client(new BasicAWSCredentials("S3RVER", "S3RVER"), new AmazonS3Config
        {
            ServiceURL = Endpoint,
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });
        foreach (var (name, file) in RemoteSourceHost.Files)
        {
            await client.PutObjectAsync(new PutObjectRequest
            {
                BucketName = Bucket,
                Key = "iiif/" + name,
                FilePath = file,
                UseChunkEncoding = false,
            });
        }
    }

    [OneTimeTearDown]
    public void StopS3rver()
    {
        _s3.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    [TestCase("2")]
    [TestCase("3")]
    public async Task Tiles_FromS3_HaveThePixelsOfTheSameFileOnDisk(string version)
    {
        await using var host = await StartAsync();
        foreach (var tail in new[] { "0,0,256,256/256,/0/default.png", "300,200,200,200/100,/0/default.png", "full/160,/0/default.png" })
        {
            await RemoteSourceHost.AssertSamePixelsAsync(host, version, "tiled", "s3/tiled.jp2", tail);
            await RemoteSourceHost.AssertSamePixelsAsync(host, version, "photo", "s3/photo.jpg", tail);
            await RemoteSourceHost.AssertSamePixelsAsync(host, version, "pyramid", "s3/pyramid.tif", tail);
        }

        using var missing = await host.GetAsync("/iiif/3/s3%2Fmissing.jp2/info.json");
        Assert.That((int)missing.StatusCode, Is.EqualTo(404));
    }

    [Test]
    public async Task Listing_NamesTheBucketsImagesBesideTheFolders()
    {
        await using var host = await StartAsync();
        var source = host.Services.GetRequiredService<IImageSource>();
        var listed = new List<string>();
        await foreach (var identifier in source.ListAsync(CancellationToken.None))
        {
            listed.Add(identifier.Value);
        }

        Assert.That(listed, Is.SupersetOf(new[] { "photo", "tiled", "s3/photo.jpg", "s3/tiled.jp2" }));
        var handle = await source.ResolveAsync(new ImageIdentifier("s3/tiled.jp2"), CancellationToken.None);
        Assert.That(handle!.Version.Tag, Is.Not.Null, "the version carries the object's ETag");
    }

    private async Task<RunningHost> StartAsync() =>
        await RunningHost.StartAsync(folder =>
        {
            RemoteSourceHost.AddLocalFiles(folder);
            folder.WriteConfig("local.yml", RemoteSourceHost.Config(string.Create(CultureInfo.InvariantCulture, $"""
                  - name: bucket
                    prefix: s3/
                    type: s3
                    s3:
                      bucket: {Bucket}
                      keyTemplate: iiif/{"{path}"}
                      endpointUrl: {Endpoint}
                      forcePathStyle: true
                      accessKey: S3RVER
                      secretKey: S3RVER
                """)));
        });
}
