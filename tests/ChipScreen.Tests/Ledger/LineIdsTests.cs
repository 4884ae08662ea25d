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
    [InlineData("1.0", "1")]
    [InlineData("+1", "1")]
    [InlineData("+01.00", "1")]
    [InlineData("\u0661", "1")] // an Arabic-Indic digit one
    [InlineData("\uFF11\uFF10", "10")] // full-width "10"
    [InlineData("\U0001D7CF", "1")] // a mathematical bold one, a surrogate pair
    public void AWholeNumberWrittenAnotherWay_IsKnownByItsValue(string line, string id)
    {
        // Such a line is held (no line number ChipScreen reads), but it is still the line an ERP reads it as: a copy of
        // the row giving that number, and never a reason to leave that line's committed entry out of a batch's count.
        Assert.Equal(id, LineIds.Of(line));
        Assert.Equal(id, LineIds.Of(line.AsSpan()).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("01A")]
    [InlineData("0-1")]
    [InlineData(" 01")]
    [InlineData("1.5")]
    [InlineData("1.")]
    [InlineData("-1")]
    [InlineData("1e0")]
    [InlineData("+")]
    [InlineData("\u0661.5")]
    public void AnIdThatIsNotAllAsciiDigits_IsKeptAsGiven(string line) => Assert.Equal(line, LineIds.Of(line));
}
