using ChipScreen.Ledger;

namespace ChipScreen.Tests.Ledger;

/// <summary>How the ledger knows a line of an order: by its number.</summary>
public class LineIdsTests
{
    [Theory]
    [InlineData("1", "1")]
    [InlineData("01", "1")]
    [InlineData("0010", "10")]
    [InlineData("10", "10")]
    [InlineData("000", "0")] // no line number (held), but still one id however padded
    [InlineData("0", "0")]
    [InlineData("00000000000000000000000000000042", "42")] // compared as text: no number is too long
    public void DigitsAreKnownByTheirValue_LeadingZerosLeftOut(string line, string id) => Assert.Equal(id, LineIds.Of(line));

    [Theory]
    [InlineData("")]
    [InlineData("01A")]
    [InlineData("0-1")]
    [InlineData("\u0661")] // an Arabic-Indic digit one: not a line number ChipScreen reads
    [InlineData(" 01")]
    public void AnIdThatIsNotAllAsciiDigits_IsKeptAsGiven(string line) => Assert.Equal(line, LineIds.Of(line));
}
