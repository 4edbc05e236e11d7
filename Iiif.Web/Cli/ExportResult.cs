namespace Iiif.Web.Cli;

/// <summary>What an export or warm run wrote: files, bytes, one line per failure and one per skipped profile.</summary>
internal sealed record ExportResult(int Files, long Bytes, IReadOnlyList<string> Errors)
{
    public static ExportResult Empty { get; } = new(0, 0, []);

    /// <summary>Profiles not rendered for an image on purpose (larger than the image): reported, not failed.</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];

    public ExportResult WithFile(long bytes) => this with { Files = Files + 1, Bytes = Bytes + bytes };

    public ExportResult WithError(string error) => this with { Errors = [.. Errors, error] };

    public ExportResult WithSkipped(string note) => this with { Skipped = [.. Skipped, note] };

    public ExportResult Plus(ExportResult other) =>
        new(Files + other.Files, Bytes + other.Bytes, [.. Errors, .. other.Errors]) { Skipped = [.. Skipped, .. other.Skipped] };
}
