namespace ChipScreen.Volumes;

/// <summary>A line whose decision depends on volume limits, as the first pass finds it: its keys and its outcome in each case.</summary>
/// <param name="Row">Its row in the batch.</param>
/// <param name="ShipDate">Its ship date (the order volumes accumulate in, then row).</param>
/// <param name="ConsigneeKey">The consignee's name key.</param>
/// <param name="ConsigneeName">The consignee's name as the line gives it (what report.json shows beside the key).</param>
/// <param name="Country">The ultimate destination.</param>
/// <param name="Period">The allocation period covering the ship date, if the destination has an allocation.</param>
/// <param name="HasAllocation">Whether the destination has an allocation at all.</param>
/// <param name="LineVolume">TPP x chips per unit x quantity.</param>
/// <param name="Outcomes">What the line consumes in each of the four cases, two bits per case (see <see cref="VolumePlanner.Case"/>).</param>
internal readonly record struct PendingLine(
    long Row,
    DateOnly ShipDate,
    string ConsigneeKey,
    string ConsigneeName,
    string Country,
    string? Period,
    bool HasAllocation,
    decimal LineVolume,
    byte Outcomes);

/// <summary>The volume-dependent lines of a batch, in row order, kept as the planner replays them: each line's accounts
/// are numbered as it arrives, so settling adds and compares numbers instead of hashing names again.</summary>
/// <remarks>
/// The first pass adds lines as its results come in order, while the names are still in the processor's cache; a third
/// of a large batch may depend on volumes, and numbering them all at the end took longer than the rest of settling.
/// Columns of plain values, not an object per line, so the garbage collector has nothing to trace or move. Not
/// thread-safe.
/// </remarks>
internal sealed class PendingVolumes
{
    private readonly Dictionary<(string Key, int Year), int> _consignees = [];
    private readonly List<string> _consigneeNames = []; // by account number: the name the account's first line gives
    private readonly Dictionary<(string Country, string Period), int> _countries = [];
    private long[] _rows = new long[64];
    private int[] _days = new int[64];
    private int[] _consignee = new int[64];
    private int[] _country = new int[64];
    private bool[] _hasAllocation = new bool[64];
    private decimal[] _volume = new decimal[64];
    private byte[] _outcomes = new byte[64];

    /// <summary>The number of lines.</summary>
    public int Count { get; private set; }

    /// <summary>Adds a line; lines must come in row order.</summary>
    /// <exception cref="ArgumentException">The line's row is not after the last one's.</exception>
    public void Add(in PendingLine line)
    {
        if (Count > 0 && line.Row <= _rows[Count - 1])
            throw new ArgumentException("pending lines must come in row order", nameof(line));
        if (Count == _rows.Length)
            Grow();
        var i = Count++;
        _rows[i] = line.Row;
        _days[i] = line.ShipDate.DayNumber;
        _consignee[i] = Id(_consignees, (line.ConsigneeKey, line.ShipDate.Year));
        if (_consignee[i] == _consigneeNames.Count)
            _consigneeNames.Add(line.ConsigneeName);
        _country[i] = line.Period is { } period ? Id(_countries, (line.Country, period)) : -1;
        _hasAllocation[i] = line.HasAllocation;
        _volume[i] = line.LineVolume;
        _outcomes[i] = line.Outcomes;
    }

    /// <summary>Makes the lines of <paramref name="rows"/> consume nothing in every case, as a held line does: a line found
    /// to be held only after it was added (a copy of an order line a later row holds too).</summary>
    public void Hold(IEnumerable<long> rows)
    {
        foreach (var row in rows)
        {
            var i = Array.BinarySearch(_rows, 0, Count, row);
            if (i >= 0)
                _outcomes[i] = 0;
        }
    }

    /// <summary>The rows, in order (the first <see cref="Count"/>).</summary>
    internal ReadOnlySpan<long> Rows => _rows.AsSpan(0, Count);

    /// <summary>The ship dates as day numbers.</summary>
    internal ReadOnlySpan<int> Days => _days.AsSpan(0, Count);

    /// <summary>Each line's consignee-year account (a number of <see cref="ConsigneeAccounts"/>).</summary>
    internal ReadOnlySpan<int> Consignee => _consignee.AsSpan(0, Count);

    /// <summary>Each line's country-period account (a number of <see cref="CountryAccounts"/>), or -1 without a period.</summary>
    internal ReadOnlySpan<int> Country => _country.AsSpan(0, Count);

    /// <summary>Whether each line's destination has an allocation.</summary>
    internal ReadOnlySpan<bool> HasAllocation => _hasAllocation.AsSpan(0, Count);

    /// <summary>Each line's volume.</summary>
    internal ReadOnlySpan<decimal> Volume => _volume.AsSpan(0, Count);

    /// <summary>Each line's outcomes in the four cases.</summary>
    internal ReadOnlySpan<byte> Outcomes => _outcomes.AsSpan(0, Count);

    /// <summary>The consignee-year accounts by number.</summary>
    internal IReadOnlyDictionary<(string Key, int Year), int> ConsigneeAccounts => _consignees;

    /// <summary>Each consignee-year account's name, by number: as its first line (in row order) gives it.</summary>
    internal IReadOnlyList<string> ConsigneeNames => _consigneeNames;

    /// <summary>The country-period accounts by number.</summary>
    internal IReadOnlyDictionary<(string Country, string Period), int> CountryAccounts => _countries;

    private static int Id<TKey>(Dictionary<TKey, int> ids, TKey key) where TKey : notnull
    {
        ref var id = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(ids, key, out var exists);
        if (!exists)
            id = ids.Count - 1;
        return id;
    }

    private void Grow()
    {
        var size = _rows.Length * 2;
        Array.Resize(ref _rows, size);
        Array.Resize(ref _days, size);
        Array.Resize(ref _consignee, size);
        Array.Resize(ref _country, size);
        Array.Resize(ref _hasAllocation, size);
        Array.Resize(ref _volume, size);
        Array.Resize(ref _outcomes, size);
    }
}
