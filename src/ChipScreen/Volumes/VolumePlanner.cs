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

        baseline.Prefetch(
            pending.Select(l => (l.ConsigneeKey, l.ShipDate.Year)).ToHashSet(),
            pending.Where(l => l.Period is not null).Select(l => (l.Country, l.Period!)).ToHashSet());
        var consignee = new Dictionary<(string, int), (decimal Before, decimal Now)>();
        var country = new Dictionary<(string, string), (decimal Before, decimal Now)>();
        var consigneeBefore = new decimal[pending.Count];
        var countryBefore = new decimal[pending.Count];
        var consumes = new byte[pending.Count];

        foreach (var i in order)
        {
            var line = pending[i];
            var consigneeKey = (line.ConsigneeKey, line.ShipDate.Year);
            if (!consignee.TryGetValue(consigneeKey, out var c))
            {
                var start = baseline.ConsigneeYear(line.ConsigneeKey, line.ShipDate.Year);
                c = (start, start);
            }

            (decimal Before, decimal Now) a = (0, 0);
            (string, string)? countryKey = line.Period is { } period ? (line.Country, period) : null;
            if (countryKey is { } ck && !country.TryGetValue(ck, out a))
            {
                var start = baseline.CountryAllocation(line.Country, ck.Item2);
                a = (start, start);
            }

            var consigneeFits = c.Now + line.LineVolume <= limits.ConsigneeYearLimit;
            var countryFits = !line.HasAllocation || (countryKey is not null && a.Now + line.LineVolume <= limits.AllocationLimit);
            var outcome = Outcome(line.Outcomes, Case(consigneeFits, countryFits));

            consigneeBefore[i] = c.Now;
            countryBefore[i] = a.Now;
            consumes[i] = outcome;
            if ((outcome & (byte)Screening.ConsumptionMask.ConsigneeYear) != 0)
                c.Now += line.LineVolume;
            if ((outcome & (byte)Screening.ConsumptionMask.CountryAllocation) != 0 && countryKey is not null)
                a.Now += line.LineVolume;
            consignee[consigneeKey] = c;
            if (countryKey is { } key)
                country[key] = a;
        }

        var consigneeTotals = consignee
            .Select(kv => new VolumeTotal(kv.Key.Item1, kv.Key.Item2.ToString(System.Globalization.CultureInfo.InvariantCulture), kv.Value.Before, kv.Value.Now, limits.ConsigneeYearLimit))
            .OrderBy(t => t.Key, StringComparer.Ordinal).ThenBy(t => t.Period, StringComparer.Ordinal).ToArray();
        var countryTotals = country
            .Select(kv => new VolumeTotal(kv.Key.Item1, kv.Key.Item2, kv.Value.Before, kv.Value.Now, limits.AllocationLimit))
            .OrderBy(t => t.Key, StringComparer.Ordinal).ThenBy(t => t.Period, StringComparer.Ordinal).ToArray();
        return new VolumePlan(rows, consigneeBefore, countryBefore, consumes, consigneeTotals, countryTotals);
    }
}
