namespace ChipScreen.Ledger;

/// <summary>The stable codes of <see cref="LedgerException"/>; the wording of messages may change, the codes do not.</summary>
public static class LedgerErrorCodes
{
    /// <summary>The location is neither a usable file path nor a PostgreSQL connection string.</summary>
    public const string LocationInvalid = "ledger_location_invalid";

    /// <summary>There is no ledger at the location yet, and the run would only read it.</summary>
    public const string Missing = "ledger_missing";

    /// <summary>The ledger's schema is newer than this ChipScreen knows, or older and the run may not migrate it.</summary>
    public const string SchemaMismatch = "ledger_schema_mismatch";

    /// <summary>The ledger could not be reached, read or written (I/O, network, authentication, timeout).</summary>
    public const string Unavailable = "ledger_unavailable";

    /// <summary>A commit kept losing to concurrent commits and gave up after its attempts.</summary>
    public const string CommitConflict = "ledger_commit_conflict";

    /// <summary>A commit would have taken an account past its limit; nothing was written (a defect or a changed pack).</summary>
    public const string LimitExceeded = "ledger_limit_exceeded";

    /// <summary>The ledger holds a value that is not what its column holds (a total that is no number, a ship date that is
    /// no date): it was changed outside ChipScreen. The message names the table, column and row.</summary>
    public const string DataInvalid = "ledger_data_invalid";

    /// <summary>No active entry matches what was to be voided.</summary>
    public const string NothingToVoid = "ledger_nothing_to_void";

    /// <summary>A migration found one order line committed twice by one run under two ids that are now one ("1" and "01"),
    /// both counting: someone must void the wrong one before the ledger can be migrated. Nothing was changed.</summary>
    public const string LineConflict = "ledger_line_conflict";

    /// <summary>Whether a failure with <paramref name="code"/> is the caller's to fix (arguments, configuration) rather than the infrastructure's.</summary>
    public static bool IsUsage(string code) => code is LocationInvalid or Missing or SchemaMismatch or NothingToVoid or LineConflict;
}
