namespace ChipScreen.Ledger;

/// <summary>The ledger cannot be used as asked. The ledger is an audit sink: a run that cannot read or write it fails.</summary>
/// <param name="code">One of <see cref="LedgerErrorCodes"/>.</param>
/// <param name="message">What went wrong, naming the ledger.</param>
/// <param name="inner">The store's own exception, if any.</param>
public sealed class LedgerException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The stable code (see <see cref="LedgerErrorCodes"/>).</summary>
    public string Code { get; } = code;
}
