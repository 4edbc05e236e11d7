using System.Diagnostics.CodeAnalysis;

namespace Iiif.Core.Errors;

/// <summary>Either a value or an <see cref="IiifError"/>. Client mistakes travel as values, not exceptions.</summary>
/// <typeparam name="T">The success type.</typeparam>
#pragma warning disable CA1000 // Static factories on the generic type read best at call sites: Result<T>.Ok(x).
public readonly struct Result<T>
{
    private readonly T? _value;
    private readonly IiifError _error;

    private Result(T? value, IiifError error, bool isSuccess)
    {
        _value = value;
        _error = error;
        IsSuccess = isSuccess;
    }

    /// <summary>True when a value is present.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsSuccess { get; }

    /// <summary>The value; throws when this is an error.</summary>
    public T? Value => IsSuccess ? _value : throw new InvalidOperationException($"No value: {_error}");

    /// <summary>The error; throws when this is a success.</summary>
    public IiifError Error => IsSuccess ? throw new InvalidOperationException("The result is a success.") : _error;

    /// <summary>A success.</summary>
    public static Result<T> Ok(T value) => new(value, default, true);

    /// <summary>A failure.</summary>
    public static Result<T> Fail(IiifError error) => new(default, error, false);

    /// <summary>Wraps a value.</summary>
    public static implicit operator Result<T>(T value) => Ok(value);

    /// <summary>Wraps an error.</summary>
    public static implicit operator Result<T>(IiifError error) => Fail(error);

    /// <inheritdoc/>
    public override string ToString() => IsSuccess ? $"Ok({_value})" : $"Fail({_error})";
}
#pragma warning restore CA1000
