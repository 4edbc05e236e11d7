namespace Iiif.Imaging.Tiff;

/// <summary>Where the region reader gets decoded blocks of a level.</summary>
internal interface ITiffBlockSource
{
    /// <summary>Block <paramref name="index"/> of <paramref name="level"/>. <paramref name="wholeBlock"/> says whether the
    /// region uses all of it (then no neighbouring request is likely to want it again soon).</summary>
    TiffBlock Get(TiffLevel level, int index, bool wholeBlock);
}
