using Iiif.Core.Errors;

namespace Iiif.Tests.Core.Requests;

/// <summary>Assertions shared by the parser tests.</summary>
internal static class ParserAssert
{
    /// <summary>Asserts a 400 about <paramref name="parameter"/> and returns the error for further checks.</summary>
    public static IiifError BadRequest<T>(Result<T> result, string parameter)
    {
        Assert.That(result.IsSuccess, Is.False, () => $"Expected a 400 about {parameter}, got {result}.");
        var error = result.Error;
        Assert.Multiple(() =>
        {
            Assert.That(error.Kind, Is.EqualTo(IiifErrorKind.BadRequest));
            Assert.That(error.StatusCode, Is.EqualTo(400));
            Assert.That(error.Parameter, Is.EqualTo(parameter));
            Assert.That(error.Message, Is.Not.Empty);
        });
        return error;
    }

    /// <summary>Asserts a success and returns its value.</summary>
    public static T Ok<T>(Result<T> result)
    {
        Assert.That(result.IsSuccess, Is.True, () => $"Expected success, got {result}.");
        return result.Value!;
    }

    /// <summary>A decimal from invariant text, since attributes cannot hold decimals.</summary>
    public static decimal Dec(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
