namespace Iiif.Web.Warming;

/// <summary>What warming did for one profile tail.</summary>
/// <param name="Profile">The profile name (a label from the <c>profiles</c> section).</param>
/// <param name="Tail">The URL tail after the identifier, e.g. <c>/full/600,/0/default.jpg</c>.</param>
/// <param name="Status">200 when the derivative is cached; 204 when skipped (see <see cref="Skipped"/>); 507 when it
/// rendered but the cache could not store it; else the status a client would have got (400, 404, 500, 501, 503).</param>
/// <param name="Bytes">The derivative's length; null on failure.</param>
/// <param name="Tier">Where it came from: memory, disk, shared (already cached) or rendered; null on failure.</param>
/// <param name="Error">Why it failed; null on success.</param>
/// <param name="RetryAfter">For a 503 (the server was too busy to render it), the seconds after which warming it again may
/// succeed, as a client's Retry-After header says; else null.</param>
internal sealed record WarmedTail(string Profile, string Tail, int Status, long? Bytes, string? Tier, string? Error, int? RetryAfter = null)
{
    /// <summary>Why the tail was not rendered for this image although nothing failed (a profile larger than the image).</summary>
    public string? Skipped { get; init; }

    public bool IsSuccess => Status == StatusCodes.Status200OK;

    public bool IsFailure => !IsSuccess && Skipped is null;
}
