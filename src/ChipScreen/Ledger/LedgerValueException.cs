namespace ChipScreen.Ledger;

/// <summary>A value read from the ledger that is not what its column holds (a total of <c>abc</c>, a ship date of
/// <c>junk</c>): the ledger was changed outside ChipScreen. <see cref="LedgerStore.Guard{T}"/> reports it as
/// <see cref="LedgerErrorCodes.DataInvalid"/>, naming the table, column and row.</summary>
/// <param name="column">The column read.</param>
/// <param name="text">The value as stored.</param>
/// <param name="expected">What the column holds ("a volume (a decimal number)").</param>
/// <param name="inner">The parser's failure.</param>
internal sealed class LedgerValueException(string column, string text, string expected, Exception? inner = null)
    : FormatException($"{column} is '{text}', not {expected}", inner)
{
    public string Column { get; } = column;

    public string Text { get; } = text;

    public string Expected { get; } = expected;
}
