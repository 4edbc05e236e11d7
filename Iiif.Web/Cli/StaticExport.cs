using Iiif.Caching.Derivatives;
using Iiif.Core.Requests;
using Iiif.Web.Auth;
using Iiif.Web.Http;
using Iiif.Web.Pipeline;
using Iiif.Web.Warming;

namespace Iiif.Web.Cli;

/// <summary>Writes one image as a static level 0 service under <c>{out}/{identifier}/</c>: <c>info.json</c> (ids under
/// the given base URI) and each file at the path its URL tail names, so any static web server can host it. Every file
/// is written to a temporary name and moved into place, so a server reading the folder never sees half a file. Images
/// that an auth rule restricts are skipped: a static folder has no access check, so exporting them would publish them.</summary>
internal sealed class StaticExport(
    IImagePipeline pipeline, InfoDocumentFactory infoFactory, AccessRules access, ApiVersion version, string root, string baseUri)
{
    private readonly string _root = Path.GetFullPath(root);

    /// <summary>Exports <paramref name="identifier"/>: info.json, the profile <paramref name="tails"/> as written and,
    /// with <paramref name="tiles"/>, every tile and size info.json lists. Failures are reported per file, not thrown.</summary>
    public async Task<ExportResult> ExportAsync(
        string identifier, IEnumerable<string> tails, bool tiles, CancellationToken cancellationToken)
    {
        if (access.PolicyFor(identifier) is { IsRestricted: true } policy)
        {
            return ExportResult.Empty.WithSkipped($"{identifier}: restricted by the auth policy {policy.Name}; a static export has no access check");
        }

        var info = await pipeline.GetInfoAsync(identifier, cancellationToken).ConfigureAwait(false);
        if (!info.IsSuccess)
        {
            return ExportResult.Empty.WithError($"{identifier}: {info.Error}");
        }

        var folder = Inside(_root, identifier.Split('/'));
        var json = infoFactory.Build(version, info.Value!, baseUri + "/" + IdentifierEncoder.Encode(identifier), level0: true);
        var result = await WriteAsync(ExportResult.Empty, Path.Combine(folder, "info.json"), json, cancellationToken).ConfigureAwait(false);
        var all = tails.ToList();
        if (tiles)
        {
            all.AddRange(StaticTiles.Tails(version, info.Value!, infoFactory.Layout(info.Value!)).Except(all, StringComparer.Ordinal));
        }

        foreach (var tail in all)
        {
            result = ProfileTailCheck.ExceedsImage(version, tail, info.Value!) is { } reason
                ? result.WithSkipped($"{identifier}{tail}: {reason}")
                : await ExportTailAsync(result, identifier, folder, tail, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    private async Task<ExportResult> ExportTailAsync(
        ExportResult result, string identifier, string folder, string tail, CancellationToken cancellationToken)
    {
        var image = await pipeline.GetImageAsync(version, identifier, tail, isProfile: true, DerivativeCacheMode.Normal, cancellationToken)
            .ConfigureAwait(false);
        if (!image.IsSuccess)
        {
            return result.WithError($"{identifier}{tail}: {image.Error}");
        }

        using var derivative = image.Value!;
        var target = Inside(folder, tail.Split('/', StringSplitOptions.RemoveEmptyEntries));
        if (derivative.File is { } file)
        {
            return await WriteAsync(result, target, file, cancellationToken).ConfigureAwait(false);
        }

        return await WriteAsync(result, target, derivative.Bytes, cancellationToken).ConfigureAwait(false);
    }

    private static Task<ExportResult> WriteAsync(ExportResult result, string target, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        WriteAsync(result, target, (output, token) => output.WriteAsync(bytes, token).AsTask(), cancellationToken);

    private static Task<ExportResult> WriteAsync(ExportResult result, string target, Stream source, CancellationToken cancellationToken) =>
        WriteAsync(result, target, source.CopyToAsync, cancellationToken);

    private static async Task<ExportResult> WriteAsync(
        ExportResult result, string target, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var partial = target + "." + Guid.NewGuid().ToString("N") + ".part";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var output = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await using (output.ConfigureAwait(false))
            {
                await write(output, cancellationToken).ConfigureAwait(false);
            }

            File.Move(partial, target, overwrite: true);
            return result.WithFile(new FileInfo(target).Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(partial);
            return result.WithError($"cannot write '{target}': {e.Message}");
        }
    }

    /// <summary>The path of <paramref name="segments"/> under <paramref name="folder"/>, refusing any that could leave it
    /// (the identifier is already checked for traversal; profile tails are only checked for shape).</summary>
    private static string Inside(string folder, IReadOnlyList<string> segments)
    {
        if (segments.Any(s => s.Length == 0 || s.Trim([' ', '.']).Length == 0 || s.Contains('\\', StringComparison.Ordinal)))
        {
            throw new CliException($"'{string.Join('/', segments)}' cannot be written as a path under '{folder}'");
        }

        var path = Path.GetFullPath(Path.Combine([folder, .. segments]));
        return path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new CliException($"'{string.Join('/', segments)}' would leave '{folder}'");
    }
}
