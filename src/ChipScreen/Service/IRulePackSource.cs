namespace ChipScreen.Service;

/// <summary>Holds the rule pack that serves and replaces it whole when the rules change.</summary>
/// <remarks>
/// The pack is loaded when the source is created: a pack with errors throws <see cref="Rules.RulePackException"/> and the
/// host does not start. Later reloads (on a file change, or <see cref="Reload"/>) validate the new files first; a broken
/// edit is rejected and logged, and the last good pack keeps serving. Thread-safe; register as a singleton.
/// </remarks>
public interface IRulePackSource
{
    /// <summary>The pack serving now. Take it once per unit of work (a line, a batch) and keep it for that work.</summary>
    PreparedPack Current { get; }

    /// <summary>The pack serving now, for work as of <paramref name="asOf"/>: when no pack id is configured and the
    /// current pack is not in force on that date, the pack in force is loaded first (and if that fails, the current one
    /// keeps serving and the failure is logged).</summary>
    PreparedPack For(DateOnly asOf);

    /// <summary>Which pack serves and how the last reload went.</summary>
    PackStatus Status { get; }

    /// <summary>Loads the rules directory again now; the new pack serves only if it is valid.</summary>
    /// <remarks>Reloads are serialized: a call waits for one in progress.</remarks>
    PackReload Reload();

    /// <summary>Raised after a new pack starts serving (on the thread that loaded it), e.g. to re-screen open orders.</summary>
    event EventHandler<PackIdentity>? Changed;
}
