namespace Iiif.Tests.Core.Requests;

/// <summary>Random junk in the style of the IIIF validator's error tests (https://github.com/IIIF/image-validator).</summary>
internal static class JunkText
{
    /// <summary>The characters the validator's junk may contain, beyond letters and digits.</summary>
    public const string ValidatorPunctuation = ":;<=>@[\\]^_`";

    // None of these can appear in any valid parameter, so one of them makes a string invalid everywhere.
    private const string NeverValid = ";<=>@[\\]_`";
    private const string Filler = ValidatorPunctuation + "0123456789abcdefghijklmnopqrstuvwxyz,.!";

    /// <summary>A string of <paramref name="length"/> characters holding at least one character no parameter allows.</summary>
    public static string Make(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Filler[random.Next(Filler.Length)];
        }

        chars[random.Next(length)] = NeverValid[random.Next(NeverValid.Length)];
        return new string(chars);
    }
}
