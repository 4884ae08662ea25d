namespace ChipScreen.Ledger;

/// <summary>The ledger's schema, as numbered migrations applied in order; <c>ledger_schema</c> records each one applied.</summary>
/// <remarks>
/// Statements are written once for both stores with type placeholders: <c>{ID}</c> (an auto-numbered key), <c>{NUM}</c>
/// (an exact decimal: numeric in PostgreSQL, canonical text in SQLite, which has no decimal type), <c>{DATE}</c> and
/// <c>{TIME}</c> (date and UTC timestamp: native in PostgreSQL, ISO text in SQLite). A migration, once released, never
/// changes: add a new one. A migration that rewrites data by ChipScreen's own rules (a key function, say) names the step
/// as <see cref="Migration.Rewrite"/>, run after its statements in the same transaction.
/// </remarks>
internal static class LedgerMigrations
{
    public sealed record Migration(int Version, string Description, IReadOnlyList<string> Statements)
    {
        /// <summary>A step of C# run after the statements, in the same transaction.</summary>
        public Action<LedgerStore>? Rewrite { get; init; }
    }

    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "entries, accounts and runs",
        [
            """
            CREATE TABLE ledger_entries (
                entry_id {ID},
                order_id TEXT NOT NULL,
                line TEXT NOT NULL,
                account TEXT NOT NULL CHECK (account IN ('consignee_year', 'country_allocation')),
                account_key TEXT NOT NULL,
                period TEXT NOT NULL,
                volume {NUM} NOT NULL,
                consignee TEXT NOT NULL,
                consignee_key TEXT NOT NULL,
                destination TEXT NOT NULL,
                ship_date {DATE} NOT NULL,
                decision TEXT NOT NULL,
                exception TEXT NOT NULL,
                run_id TEXT NOT NULL,
                committed_at {TIME} NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('active', 'replaced', 'voided')),
                ended_at {TIME},
                ended_by TEXT,
                end_reason TEXT)
            """,
            // One active entry per order line and account: a second commit of the line replaces, never adds.
            "CREATE UNIQUE INDEX ledger_entries_active_line ON ledger_entries (order_id, line, account) WHERE status = 'active'",
            "CREATE INDEX ledger_entries_active_account ON ledger_entries (account, account_key, period) WHERE status = 'active'",
            """
            CREATE TABLE ledger_accounts (
                account TEXT NOT NULL,
                account_key TEXT NOT NULL,
                period TEXT NOT NULL,
                period_from {DATE} NOT NULL,
                period_to {DATE} NOT NULL,
                total {NUM} NOT NULL,
                PRIMARY KEY (account, account_key, period))
            """,
            """
            CREATE TABLE ledger_runs (
                run_id TEXT NOT NULL PRIMARY KEY,
                committed_at {TIME} NOT NULL,
                tool_version TEXT NOT NULL,
                pack_id TEXT NOT NULL,
                pack_revision TEXT NOT NULL,
                as_of {DATE} NOT NULL,
                input_sha256 TEXT NOT NULL,
                lines BIGINT NOT NULL,
                added BIGINT NOT NULL,
                replaced BIGINT NOT NULL,
                unchanged BIGINT NOT NULL,
                redecided INTEGER NOT NULL)
            """,
        ]),
        new(2, "order-line lock rows",
        [
            // A commit locks its order lines here before anything else, so two processes committing the same line at
            // once take turns (PostgreSQL; an SQLite commit holds the whole file).
            "CREATE TABLE ledger_lines (order_id TEXT NOT NULL, line TEXT NOT NULL, PRIMARY KEY (order_id, line))",
        ]),
        // Consignee keys fold a legal form's spellings ("LIMITED" and "LTD") and run a name's words together ("O HARA" and
        // "OHARA"): the keys stored before are re-keyed, and the yearly accounts of spellings of one consignee become one.
        new(3, "consignee keys fold legal forms and run words together", []) { Rewrite = store => store.RekeyConsignees(Parties.PartyNames.Key) },
        // Consignee keys read Cyrillic and Greek look-alike letters as Latin ("SМIC" with a Cyrillic М is "SMIC"): the keys
        // stored before are re-keyed from the consignee's name each entry keeps (a key run together may have lost where a
        // legal form hidden by a look-alike starts), and the yearly accounts of spellings of one consignee become one.
        new(4, "consignee keys read look-alike letters as Latin", []) { Rewrite = store => store.RekeyConsigneesByName(Parties.PartyNames.Key) },
        // A line is known by its number ("01" is line 1): the line ids stored before are recorded so, and a line committed
        // under two ids that are now one is settled as committing it again settles it (the id committed last counts).
        new(5, "line ids are known by their number", []) { Rewrite = store => store.RelineEntries(DateTimeOffset.UtcNow) },
    ];

    /// <summary>The schema version this ChipScreen writes.</summary>
    public static int Latest => All[^1].Version;
}
