namespace ChipScreen.Classification;

/// <summary>Classifies a chip (TPP, die area, datacenter flag) under a pack's 3A090 thresholds. Pure.</summary>
/// <remarks>
/// Follows regulations.md section 1: .a when any .a criterion holds; else .b when any .b criterion holds;
/// a part not designed for datacenters is outside 3A090 below the non-datacenter TPP floor; a unit holding
/// several chips is 4A090 of the same paragraph. When a criterion would need the PD and the die area is not
/// known, the class is unsettled unless a criterion without PD already decides it.
/// </remarks>
public static class Classifier
{
    /// <summary>Classifies one chip.</summary>
    /// <param name="tpp">TPP of one chip.</param>
    /// <param name="dieAreaMm2">Applicable die area, when known.</param>
    /// <param name="datacenter">Designed or marketed for datacenters (unknown counts as true).</param>
    /// <param name="chipsPerUnit">Chips in one ordered unit.</param>
    /// <param name="thresholds">The pack's thresholds.</param>
    public static ChipClass Classify(decimal tpp, decimal? dieAreaMm2, bool datacenter, int chipsPerUnit, ClassificationThresholds thresholds)
    {
        decimal? pd = dieAreaMm2 is > 0 ? tpp / dieAreaMm2.Value : null;

        if (!datacenter && tpp < thresholds.NonDatacenterTppMin)
        {
            return new ChipClass(ControlLevel.None, null, pd, false,
                $"not a datacenter part and TPP {Criterion.Format(tpp)} < {Criterion.Format(thresholds.NonDatacenterTppMin)}");
        }

        if (FirstHolding(thresholds.A, tpp, pd) is { } a)
            return Controlled(ControlLevel.A, chipsPerUnit, pd, a.Explain(tpp, pd));

        // Without a die area, a criterion that needs PD might still hold: the class is not settled.
        if (pd is null && (MightHoldWithPd(thresholds.A, tpp) || MightHoldWithPd(thresholds.B, tpp)))
        {
            var withoutPd = false;
            for (var i = 0; i < thresholds.B.Count; i++)
                withoutPd |= !thresholds.B[i].NeedsPd && thresholds.B[i].Holds(tpp, null);
            var unsettledBasis = $"TPP {Criterion.Format(tpp)} needs a die area to settle the class";
            return new ChipClass(withoutPd ? ControlLevel.B : ControlLevel.None, null, null, true, unsettledBasis);
        }

        if (FirstHolding(thresholds.B, tpp, pd) is { } b)
            return Controlled(ControlLevel.B, chipsPerUnit, pd, b.Explain(tpp, pd));

        var why = pd is { } p
            ? $"TPP {Criterion.Format(tpp)} and PD {Criterion.FormatPd(p)} meet no 3A090 criterion"
            : $"TPP {Criterion.Format(tpp)} meets no 3A090 criterion";
        return new ChipClass(ControlLevel.None, null, pd, false, why);
    }

    private static Criterion? FirstHolding(IReadOnlyList<Criterion> criteria, decimal tpp, decimal? pd)
    {
        for (var i = 0; i < criteria.Count; i++)
            if (criteria[i].Holds(tpp, pd))
                return criteria[i];
        return null;
    }

    private static bool MightHoldWithPd(IReadOnlyList<Criterion> criteria, decimal tpp)
    {
        for (var i = 0; i < criteria.Count; i++)
            if (criteria[i].NeedsPd && criteria[i].TppHolds(tpp))
                return true;
        return false;
    }

    private static ChipClass Controlled(ControlLevel level, int chipsPerUnit, decimal? pd, string basis)
    {
        var eccn = (level, chipsPerUnit > 1) switch
        {
            (ControlLevel.A, false) => Eccn.Ic3A090A,
            (ControlLevel.A, true) => Eccn.Computer4A090A,
            (ControlLevel.B, false) => Eccn.Ic3A090B,
            _ => Eccn.Computer4A090B,
        };
        return new ChipClass(level, eccn, pd, false, basis);
    }
}
