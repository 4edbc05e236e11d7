namespace Iiif.Web.Cli;

/// <summary>What an export or warm run wrote: files, bytes and one line per failure.</summary>
internal sealed record ExportResult(int Files, long Bytes, IReadOnlyList<string> Errors)
{
    public static ExportResult Empty { get; } = new(0, 0, []);

    public ExportResult WithFile(long bytes) => this with { Files = Files + 1, Bytes = Bytes + bytes };

    public ExportResult WithError(string error) => this with { Errors = [.. Errors, error] };

    public ExportResult Plus(ExportResult other) =>
        new(Files + other.Files, Bytes + other.Bytes, [.. Errors, .. other.Errors]);
}
