namespace ChipScreen.Volumes;

/// <summary>Settles volume-dependent lines in ship-date order, then row order, against the baseline and each other.</summary>
/// <remarks>
/// Rules see volume limits only as two yes/no facts (consignee-year fits, country allocation fits), so a line's
/// outcome in each of the four cases can be known before the order is settled. The planner replays the lines
/// in order: for each, it looks up the running totals, picks the case, and adds the line's volume to the
/// accounts its final decision consumes. A line is never split.
/// </remarks>
internal static class VolumePlanner
{
    /// <summary>The case index of a pair of fit flags (0..3).</summary>
    public static int Case(bool consigneeFits, bool countryFits) => (consigneeFits ? 0 : 1) | (countryFits ? 0 : 2);

    /// <summary>The consumption in case <paramref name="c"/> of packed outcomes.</summary>
    public static byte Outcome(byte outcomes, int c) => (byte)((outcomes >> (2 * c)) & 3);

    /// <summary>Packs four outcomes (indexed by case) into a byte.</summary>
    public static byte Pack(ReadOnlySpan<byte> outcomes) =>
        (byte)(outcomes[0] | (outcomes[1] << 2) | (outcomes[2] << 4) | (outcomes[3] << 6));

    /// <summary>Settles the pending lines (in any order) and returns the plan.</summary>
    /// <remarks>Called once per batch with every volume-dependent line: compiled optimized straight away rather than
    /// tiered up mid-loop.</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static VolumePlan Settle(List<PendingLine> pending, VolumeLimits limits, IVolumeBaseline baseline)
    {
        if (pending.Count == 0)
            return VolumePlan.Empty;

        // Lines arrive in row order; settle them by ship date, then row. The sort key packs both into one long
        // (day number in the high bits, position in the low 32), which sorts without a comparer.
        var rows = new long[pending.Count];
        var keys = new long[pending.Count];
        var order = new int[pending.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = pending[i].Row;
            if (i > 0 && rows[i] <= rows[i - 1])
                throw new ArgumentException("pending lines must come in row order", nameof(pending));
            keys[i] = ((long)pending[i].ShipDate.DayNumber << 32) | (uint)i;
            order[i] = i;
        }
        Array.Sort(keys, order);

        // Each account (consignee and year; country and allocation period) gets a dense number, so the replay below
        // adds and compares without hashing a name again.
        var consigneeIds = new Dictionary<(string Key, int Year), int>();
        var countryIds = new Dictionary<(string Country, string Period), int>();
        var consigneeOf = new int[pending.Count];
        var countryOf = new int[pending.Count];
        for (var i = 0; i < consigneeOf.Length; i++)
        {
            var line = pending[i];
            consigneeOf[i] = Id(consigneeIds, (line.ConsigneeKey, line.ShipDate.Year));
            countryOf[i] = line.Period is { } period ? Id(countryIds, (line.Country, period)) : -1;
        }
        baseline.Prefetch(consigneeIds.Keys, countryIds.Keys);

        // What each account held before the batch (asked once per account), then the replay in ship-date order.
        var consignee = new Account[consigneeIds.Count];
        foreach (var ((key, year), id) in consigneeIds)
            consignee[id] = Account.Starting(baseline.ConsigneeYear(key, year));
        var country = new Account[countryIds.Count];
        foreach (var ((code, period), id) in countryIds)
            country[id] = Account.Starting(baseline.CountryAllocation(code, period));
        var consigneeBefore = new decimal[pending.Count];
        var countryBefore = new decimal[pending.Count];
        var consumes = new byte[pending.Count];

        foreach (var i in order)
        {
            var line = pending[i];
            ref var c = ref consignee[consigneeOf[i]];
            var a = countryOf[i];

            var consigneeFits = c.Now + line.LineVolume <= limits.ConsigneeYearLimit;
            var countryFits = !line.HasAllocation || (a >= 0 && country[a].Now + line.LineVolume <= limits.AllocationLimit);
            var outcome = Outcome(line.Outcomes, Case(consigneeFits, countryFits));

            consigneeBefore[i] = c.Now;
            countryBefore[i] = a >= 0 ? country[a].Now : 0;
            consumes[i] = outcome;
            if ((outcome & (byte)Screening.ConsumptionMask.ConsigneeYear) != 0)
                c.Now += line.LineVolume;
            if ((outcome & (byte)Screening.ConsumptionMask.CountryAllocation) != 0 && a >= 0)
                country[a].Now += line.LineVolume;
        }

        var consigneeTotals = consigneeIds
            .Select(kv => new VolumeTotal(kv.Key.Key, kv.Key.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), consignee[kv.Value].Before, consignee[kv.Value].Now, limits.ConsigneeYearLimit))
            .OrderBy(t => t.Key, StringComparer.Ordinal).ThenBy(t => t.Period, StringComparer.Ordinal).ToArray();
        var countryTotals = countryIds
            .Select(kv => new VolumeTotal(kv.Key.Country, kv.Key.Period, country[kv.Value].Before, country[kv.Value].Now, limits.AllocationLimit))
            .OrderBy(t => t.Key, StringComparer.Ordinal).ThenBy(t => t.Period, StringComparer.Ordinal).ToArray();
        return new VolumePlan(rows, consigneeBefore, countryBefore, consumes, consigneeTotals, countryTotals);
    }

    private static int Id<TKey>(Dictionary<TKey, int> ids, TKey key) where TKey : notnull
    {
        ref var id = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(ids, key, out var exists);
        if (!exists)
            id = ids.Count - 1;
        return id;
    }

    /// <summary>A volume account during the replay: what the baseline held, and the running total.</summary>
    private struct Account
    {
        public decimal Before;
        public decimal Now;

        public static Account Starting(decimal baseline) => new() { Before = baseline, Now = baseline };
    }
}
