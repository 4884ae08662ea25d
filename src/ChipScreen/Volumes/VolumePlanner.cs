using System.Numerics;
using System.Runtime.CompilerServices;

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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static VolumePlan Settle(PendingVolumes pending, VolumeLimits limits, IVolumeBaseline baseline)
    {
        if (pending.Count == 0)
            return VolumePlan.Empty;

        // Lines are held in row order; settle them by ship date, then row.
        var order = ShipDateOrder(pending.Days);
        baseline.Prefetch(pending.ConsigneeAccounts.Keys.ToArray(), pending.CountryAccounts.Keys.ToArray());

        // What each account held before the batch (asked once per account), then the replay in ship-date order.
        var consigneeStart = new decimal[pending.ConsigneeAccounts.Count];
        foreach (var ((key, year), id) in pending.ConsigneeAccounts)
            consigneeStart[id] = baseline.ConsigneeYear(key, year);
        var countryStart = new decimal[pending.CountryAccounts.Count];
        foreach (var ((code, period), id) in pending.CountryAccounts)
            countryStart[id] = baseline.CountryAllocation(code, period);
        var replay = new Replay(pending, order, limits);
        var (consigneeEnd, countryEnd) = Whole(pending.Volume, consigneeStart, countryStart, limits)
            ? replay.Run<long>(consigneeStart, countryStart)
            : replay.Run<decimal>(consigneeStart, countryStart);

        var consigneeTotals = pending.ConsigneeAccounts
            .Select(kv => new VolumeTotal(kv.Key.Key, kv.Key.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), consigneeStart[kv.Value], consigneeEnd[kv.Value], limits.ConsigneeYearLimit)
            {
                Name = pending.ConsigneeNames[kv.Value],
            })
            .OrderBy(t => t.Key, StringComparer.Ordinal).ThenBy(t => t.Period, StringComparer.Ordinal).ToArray();
        var countryTotals = pending.CountryAccounts
            .Select(kv => new VolumeTotal(kv.Key.Country, kv.Key.Period, countryStart[kv.Value], countryEnd[kv.Value], limits.AllocationLimit))
            .OrderBy(t => t.Key, StringComparer.Ordinal).ThenBy(t => t.Period, StringComparer.Ordinal).ToArray();
        return new VolumePlan(pending.Rows.ToArray(), replay.ConsigneeBefore, replay.CountryBefore, replay.Consumes, consigneeTotals, countryTotals);
    }

    /// <summary>Whether the replay can add in 64-bit integers: every volume, starting total and limit written as a whole
    /// number (scale 0, so that a total comes back with the digits decimal arithmetic would give it), and no sum of them
    /// able to reach 2^62. TPP is a whole number for nearly every chip, and integers add faster than decimals; anything
    /// else settles in decimal.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool Whole(ReadOnlySpan<decimal> volumes, decimal[] consigneeStart, decimal[] countryStart, VolumeLimits limits)
    {
        const decimal Bound = 1L << 62;
        var largest = 0m;
        foreach (var v in volumes)
        {
            if (v.Scale != 0)
                return false;
            largest = Math.Max(largest, Math.Abs(v));
        }
        var start = 0m;
        foreach (var s in consigneeStart.Concat(countryStart).Append(limits.ConsigneeYearLimit).Append(limits.AllocationLimit))
        {
            if (s.Scale != 0)
                return false;
            start = Math.Max(start, Math.Abs(s));
        }
        return start < Bound && largest < (Bound - start) / volumes.Length;
    }

    /// <summary>One replay of a batch's volume-dependent lines in ship-date order: what each account held before each line,
    /// and what each line consumed.</summary>
    private sealed class Replay(PendingVolumes pending, int[] order, VolumeLimits limits)
    {
        public decimal[] ConsigneeBefore { get; } = new decimal[pending.Count];

        public decimal[] CountryBefore { get; } = new decimal[pending.Count];

        public byte[] Consumes { get; } = new byte[pending.Count];

        /// <summary>Replays with totals kept as <typeparamref name="T"/>; returns each account's total after the batch.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public (decimal[] Consignee, decimal[] Country) Run<T>(decimal[] consigneeStart, decimal[] countryStart) where T : INumber<T>
        {
            var consignee = Array.ConvertAll(consigneeStart, T.CreateChecked);
            var country = Array.ConvertAll(countryStart, T.CreateChecked);
            var volumes = pending.Volume; // converted line by line: a converted copy would be megabytes more for the GC
            var consigneeLimit = T.CreateChecked(limits.ConsigneeYearLimit);
            var allocationLimit = T.CreateChecked(limits.AllocationLimit);
            var consigneeOf = pending.Consignee;
            var countryOf = pending.Country;
            var hasAllocation = pending.HasAllocation;
            var outcomes = pending.Outcomes;
            foreach (var i in order)
            {
                ref var c = ref consignee[consigneeOf[i]];
                var a = countryOf[i];
                var volume = T.CreateChecked(volumes[i]);

                var consigneeFits = c + volume <= consigneeLimit;
                var countryFits = !hasAllocation[i] || (a >= 0 && country[a] + volume <= allocationLimit);
                var outcome = Outcome(outcomes[i], Case(consigneeFits, countryFits));

                ConsigneeBefore[i] = decimal.CreateChecked(c);
                CountryBefore[i] = a >= 0 ? decimal.CreateChecked(country[a]) : 0;
                Consumes[i] = outcome;
                if ((outcome & (byte)Screening.ConsumptionMask.ConsigneeYear) != 0)
                    c += volume;
                if ((outcome & (byte)Screening.ConsumptionMask.CountryAllocation) != 0 && a >= 0)
                    country[a] += volume;
            }
            return (Array.ConvertAll(consignee, decimal.CreateChecked), Array.ConvertAll(country, decimal.CreateChecked));
        }
    }

    /// <summary>The positions of <paramref name="days"/> by day, then position. A counting sort, since a batch's ship dates
    /// span a few hundred days; a comparison sort when they spread wider than the lines are many.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
}
