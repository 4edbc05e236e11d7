using Iiif.Imaging.Jpeg2000.Native;

namespace Iiif.Tests.Imaging.Jpeg2000;

[TestFixture]
public class CodecMessagesTests
{
    [Test]
    [Description("A flood of warnings (non-strict decoding emits one per packet) neither grows without bound nor hides the error")]
    public void Add_ThousandsOfWarningsThenAnError_KeepsTheErrorAndStaysBounded()
    {
        var messages = new CodecMessages();
        for (var i = 0; i < 5000; i++)
        {
            if (messages.HasRoom(1))
            {
                messages.Add(1, $"warning number {i}\n");
            }
        }

        messages.Add(0, "Stream too short\n");
        var kept = messages.Snapshot();

        Assert.Multiple(() =>
        {
            Assert.That(messages.FirstError, Is.EqualTo("Stream too short"));
            Assert.That(kept, Has.Some.EqualTo("error: Stream too short"));
            Assert.That(kept.Count, Is.LessThanOrEqualTo(51));
            Assert.That(kept.Sum(m => m.Length), Is.LessThanOrEqualTo(2000 + 200));
            Assert.That(kept[^1], Does.Match(@"^\(\d+ more messages dropped\)$"));
        });
    }

    [Test]
    public void Add_LongMessage_IsTruncated()
    {
        var messages = new CodecMessages();

        messages.Add(0, new string('x', 5000));

        Assert.That(messages.FirstError!, Has.Length.EqualTo(300));
    }
}
