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

    /// <summary>Settles the pending lines and returns the plan.</summary>
    /// <remarks>Called once per batch with every volume-dependent line: compiled optimized straight away rather than
    /// tiered up mid-loop.</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static VolumePlan Settle(PendingVolumes pending, VolumeLimits limits, IVolumeBaseline baseline)
    {
        if (pending.Count == 0)
            return VolumePlan.Empty;

        // Lines are held in row order; settle them by ship date, then row.
        var order = ShipDateOrder(pending.Days);
        baseline.Prefetch(pending.ConsigneeAccounts.Keys.ToArray(), pending.CountryAccounts.Keys.ToArray());

        // What each account held before the batch (asked once per account), then the replay in ship-date order.
        var consignee = new Account[pending.ConsigneeAccounts.Count];
        foreach (var ((key, year), id) in pending.ConsigneeAccounts)
            consignee[id] = Account.Starting(baseline.ConsigneeYear(key, year));
        var country = new Account[pending.CountryAccounts.Count];
        foreach (var ((code, period), id) in pending.CountryAccounts)
            country[id] = Account.Starting(baseline.CountryAllocation(code, period));
        var consigneeBefore = new decimal[pending.Count];
        var countryBefore = new decimal[pending.Count];
        var consumes = new byte[pending.Count];

        var consigneeOf = pending.Consignee;
        var countryOf = pending.Country;
        var hasAllocation = pending.HasAllocation;
        var volumes = pending.Volume;
        var outcomes = pending.Outcomes;
        foreach (var i in order)
        {
            ref var c = ref consignee[consigneeOf[i]];
            var a = countryOf[i];
            var volume = volumes[i];

            var consigneeFits = c.Now + volume <= limits.ConsigneeYearLimit;
            var countryFits = !hasAllocation[i] || (a >= 0 && country[a].Now + volume <= limits.AllocationLimit);
            var outcome = Outcome(outcomes[i], Case(consigneeFits, countryFits));

            consigneeBefore[i] = c.Now;
            countryBefore[i] = a >= 0 ? country[a].Now : 0;
            consumes[i] = outcome;
            if ((outcome & (byte)Screening.ConsumptionMask.ConsigneeYear) != 0)
                c.Now += volume;
            if ((outcome & (byte)Screening.ConsumptionMask.CountryAllocation) != 0 && a >= 0)
                country[a].Now += volume;
        }

        var consigneeTotals = pending.ConsigneeAccounts
            .Select(kv => new VolumeTotal(kv.Key.Key, kv.Key.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), consignee[kv.Value].Before, consignee[kv.Value].Now, limits.ConsigneeYearLimit))
            .OrderBy(t => t.Key, StringComparer.Ordinal).ThenBy(t => t.Period, StringComparer.Ordinal).ToArray();
        var countryTotals = pending.CountryAccounts
            .Select(kv => new VolumeTotal(kv.Key.Country, kv.Key.Period, country[kv.Value].Before, country[kv.Value].Now, limits.AllocationLimit))
            .OrderBy(t => t.Key, StringComparer.Ordinal).ThenBy(t => t.Period, StringComparer.Ordinal).ToArray();
        return new VolumePlan(pending.Rows.ToArray(), consigneeBefore, countryBefore, consumes, consigneeTotals, countryTotals);
    }

    /// <summary>The positions of <paramref name="days"/> by day, then position. A counting sort, since a batch's ship dates
    /// span a few hundred days; a comparison sort when they spread wider than the lines are many.</summary>
    internal static int[] ShipDateOrder(ReadOnlySpan<int> days)
    {
        var order = new int[days.Length];
        var first = int.MaxValue;
        var last = int.MinValue;
        foreach (var day in days)
        {
            first = Math.Min(first, day);
            last = Math.Max(last, day);
        }
        if ((long)last - first >= 4L * days.Length + 1024)
        {
            // Each (day, position) pair packed into one long sorts without a comparer.
            var keys = new long[days.Length];
            for (var i = 0; i < keys.Length; i++)
                keys[i] = ((long)days[i] << 32) | (uint)i;
            Array.Sort(keys);
            for (var i = 0; i < keys.Length; i++)
                order[i] = (int)keys[i];
            return order;
        }
        var next = new int[last - first + 2];
        foreach (var day in days)
            next[day - first + 1]++;
        for (var d = 1; d < next.Length; d++)
            next[d] += next[d - 1];
        for (var i = 0; i < days.Length; i++)
            order[next[days[i] - first]++] = i;
        return order;
    }

    /// <summary>A volume account during the replay: what the baseline held, and the running total.</summary>
    private struct Account
    {
        public decimal Before;
        public decimal Now;

        public static Account Starting(decimal baseline) => new() { Before = baseline, Now = baseline };
    }
}
