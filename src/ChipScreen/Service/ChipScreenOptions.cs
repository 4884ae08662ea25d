namespace ChipScreen.Service;

/// <summary>How the library screens for a host: where the rules are, which pack, which as-of date, how much work at once.</summary>
/// <remarks>
/// Bound from the configuration section <see cref="SectionName"/> (keys are the property names) or set in code through
/// <c>services.AddChipScreen(options => ...)</c>. Every value has a default and a limit; the limits are checked when
/// the host starts, and every value out of range is reported at once, naming its key.
/// </remarks>
public sealed class ChipScreenOptions
{
    /// <summary>The configuration section the options are usually bound from: <c>ChipScreen</c>.</summary>
    public const string SectionName = "ChipScreen";

    /// <summary>The largest <see cref="DegreeOfParallelism"/>: 64.</summary>
    public const int MaxDegreeOfParallelism = 64;

    /// <summary>The largest <see cref="MaxBatchLines"/>: 1,000,000.</summary>
    public const int MaxBatchLinesLimit = 1_000_000;

    /// <summary>The shortest <see cref="ReloadDebounce"/>: 50 ms.</summary>
    public static readonly TimeSpan MinReloadDebounce = TimeSpan.FromMilliseconds(50);

    /// <summary>The longest <see cref="ReloadDebounce"/>: 1 minute.</summary>
    public static readonly TimeSpan MaxReloadDebounce = TimeSpan.FromMinutes(1);

    /// <summary>The rules directory (packs, chip catalog, countries). Default <c>rules</c>, relative to the working directory.</summary>
    public string RulesDirectory { get; set; } = "rules";

    /// <summary>The rule pack id, e.g. <c>ai-diffusion-2025</c>; null (the default) for the pack in force on the as-of date,
    /// chosen again when that date moves past the pack's <c>effective_to</c>.</summary>
    public string? PackId { get; set; }

    /// <summary>Restricted-party list files screened besides the pack's own (the CLI's <c>--list</c>): the Consolidated
    /// Screening List, the Denied Persons List, OFAC sdn.csv/alt.csv or ChipScreen's JSON list. Default none.</summary>
    public IList<string> PartyLists { get; set; } = [];

    /// <summary>The as-of date of every screening (the ship date of lines without one); null (the default) for today's
    /// local date from the host's <see cref="TimeProvider"/>, read at each call.</summary>
    public DateOnly? AsOf { get; set; }

    /// <summary>Worker threads for a batch; 0 (the default) for one per processor; at most <see cref="MaxDegreeOfParallelism"/>.</summary>
    public int DegreeOfParallelism { get; set; }

    /// <summary>Whether an edit of the rules directory reloads the pack (validated first; a broken edit is rejected and
    /// the last good pack keeps serving). Default false; the HTTP server turns it on.</summary>
    public bool ReloadOnChange { get; set; }

    /// <summary>How long the rules directory must be quiet after a change before the pack is reloaded, so that an edit
    /// of several files is read whole. Default 500 ms; from 50 ms to 1 minute.</summary>
    public TimeSpan ReloadDebounce { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The ledger of committed volumes (an SQLite file or a PostgreSQL connection string, as <c>chipscreen screen
    /// --ledger</c> takes): single lines and batches then count volumes after what it holds, leaving out the caller's own
    /// order lines already committed, exactly as <c>chipscreen screen --ledger</c> without <c>--commit</c> does. Read only:
    /// commits are made by <c>chipscreen screen --commit</c>. Null (the default): volumes start from the registered
    /// <see cref="Volumes.IVolumeBaseline"/> (none by default). A ledger that cannot be read fails the call; it never
    /// counts as empty.</summary>
    public string? Ledger { get; set; }

    /// <summary>The most lines one streamed batch may hold (a batch is held in memory to settle volumes in ship-date
    /// order). Default 100,000; from 1 to <see cref="MaxBatchLinesLimit"/>.</summary>
    public int MaxBatchLines { get; set; } = 100_000;

    /// <summary>The as-of date of a screening now: <see cref="AsOf"/>, or today's local date from <paramref name="time"/>.</summary>
    internal DateOnly AsOfDate(TimeProvider time) => AsOf ?? DateOnly.FromDateTime(time.GetLocalNow().DateTime);
}
