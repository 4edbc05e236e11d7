namespace Iiif.Imaging.Decoding;

/// <summary>Decoding the source whole would need more memory than the decoder's budget allows, so it was refused before
/// any pixel was decoded. Convert the source to tiled JPEG 2000 (decoded region by region) or raise the budget.</summary>
public sealed class SourceTooLargeException : SourceDecodeException
{
    /// <summary>Creates the exception with a default message.</summary>
    public SourceTooLargeException()
        : base("The source is too large to decode within the memory budget.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public SourceTooLargeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and a cause.</summary>
    public SourceTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a source needing <paramref name="requiredBytes"/> under a budget of
    /// <paramref name="budgetBytes"/>.</summary>
    public SourceTooLargeException(string identifier, int width, int height, long requiredBytes, long budgetBytes)
        : base($"The source '{identifier}' ({width}x{height}) needs {requiredBytes} bytes decoded; the budget is {budgetBytes} bytes.")
    {
        RequiredBytes = requiredBytes;
        BudgetBytes = budgetBytes;
    }

    /// <summary>The bytes the decoded source would occupy (0 when unknown).</summary>
    public long RequiredBytes { get; }

    /// <summary>The decoder's memory budget in bytes (0 when unknown).</summary>
    public long BudgetBytes { get; }
}
