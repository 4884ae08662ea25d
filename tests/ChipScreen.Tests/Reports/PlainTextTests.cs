using System.Text;
using ChipScreen.Reports;

namespace ChipScreen.Tests.Reports;

/// <summary>The one-pass check-and-copy behind every plain string of audit.jsonl, at every length and position.</summary>
public class PlainTextTests
{
    [Fact]
    public void TryCopy_AcceptsExactlyPrintableAsciiButTheTwoGiven_AtAnyLengthAndPosition()
    {
        char[] awkward = ['"', '\\', '\u001f', '\u007f', '\u0080', 'é', '\u2028', '\ud800', '\uffff', '\0'];
        char[] fine = [' ', '~', 'a', '0', '<', '&', '\'', '/'];
        var random = new Random(3);
        for (var length = 0; length < 100; length++)
        {
            for (var trial = 0; trial < 20; trial++)
            {
                var text = Enumerable.Range(0, length).Select(_ => fine[random.Next(fine.Length)]).ToArray();
                if (length > 0 && trial % 2 == 1)
                    text[random.Next(length)] = awkward[random.Next(awkward.Length)];
                var expected = text.All(c => c is >= ' ' and <= '~' and not '"' and not '\\');
                var destination = new byte[length];
                Assert.Equal(expected, PlainText.TryCopy(text, destination, '"', '\\'));
                if (expected)
                    Assert.Equal(Encoding.ASCII.GetBytes(text), destination);
            }
        }
    }
}
