using ChipScreen.Rules;
using ChipScreen.Volumes;

namespace ChipScreen.Screening;

/// <summary>Evaluates a pack's compiled rules on a line's facts and aggregates them into a <see cref="Verdict"/>. Pure.</summary>
/// <remarks>
/// The final decision is the most severe any rule gave; its exception is that of the first rule (in pack
/// order) that gave it. Fallback rules fire only when nothing else did. The engine fails closed on its own:
/// a line with data problems is at least HOLD even if the pack has no rule for it, a line no rule decided is
/// HOLD, and a rule that throws holds the line.
/// </remarks>
internal static class LineEvaluator
{
    /// <summary>Engine reason id for data problems no rule handled.</summary>
    public const string DataInvalid = "data_invalid";

    /// <summary>Engine reason id for a line no rule decided.</summary>
    public const string NoRule = "no_rule";

    /// <summary>Engine reason id for a rule that failed while evaluating.</summary>
    public const string EvaluationFailed = "evaluation_failed";

    private const string EngineCitation = "ChipScreen fail-closed policy";

    /// <summary>Evaluates the rules with <paramref name="volume"/> as the line's view of the limits.</summary>
    public static Verdict Evaluate(CompiledRules rules, LineFacts facts, VolumeView volume, bool[] fired) =>
        Run(volumeRulesOnly: false, rules, facts, volume, fired);

    /// <summary>Evaluates again, after <see cref="Evaluate"/> on the same line and <paramref name="fired"/>, only the rules that
    /// read volume limits, with another view of them.</summary>
    public static Verdict Reevaluate(CompiledRules rules, LineFacts facts, VolumeView volume, bool[] fired) =>
        Run(volumeRulesOnly: true, rules, facts, volume, fired);

    /// <summary>Whether the rules that read volume limits read one for this line (a cheap test before a full evaluation);
    /// a rule that throws counts as reading one, so the full evaluation reports it.</summary>
    public static bool Probe(CompiledRules rules, LineFacts facts, VolumeView volume, bool[] fired)
    {
        facts.Volume = volume;
        try
        {
            rules.EvaluateVolumeRules(facts, fired);
            return volume.Touched;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return true;
        }
    }

    private static Verdict Run(bool volumeRulesOnly, CompiledRules rules, LineFacts facts, VolumeView volume, bool[] fired)
    {
        facts.Volume = volume;
        try
        {
            if (volumeRulesOnly)
                rules.EvaluateVolumeRules(facts, fired);
            else
                rules.Evaluate(facts, fired);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var reason = new Reason(EvaluationFailed, Decision.Hold, null, EngineCitation,
                $"{facts.Order.Where}: the rules could not be evaluated ({e.GetType().Name}: {e.Message}); a person must review this line");
            return new Verdict(Decision.Hold, null, [], [reason], ConsumptionMask.None, volume.Touched);
        }

        var count = 0;
        for (var i = 0; i < fired.Length; i++)
            if (fired[i] && !rules.Rules[i].Fallback)
                count++;
        var useFallback = count == 0;
        if (useFallback)
            foreach (var i in rules.FallbackIndexes)
                if (fired[i])
                    count++;

        var indexes = new int[count];
        var n = 0;
        var decision = Decision.Nlr;
        string? exception = null;
        for (var i = 0; i < fired.Length; i++)
        {
            if (!fired[i] || rules.Rules[i].Fallback != useFallback)
                continue;
            indexes[n++] = i;
            var rule = rules.Rules[i];
            if (rule.Decision > decision || n == 1)
            {
                decision = rule.Decision;
                exception = rule.Exception;
            }
            else if (rule.Decision == decision && exception is null)
            {
                exception = rule.Exception;
            }
        }

        Reason[] engine = [];
        if (count == 0)
        {
            decision = Decision.Hold;
            exception = null;
            engine = [new Reason(NoRule, Decision.Hold, null, EngineCitation, "no rule of the pack decided this line; a person must review it")];
        }
        if (facts.HasDataErrors && decision < Decision.Hold)
        {
            decision = Decision.Hold;
            exception = null;
            engine = [.. engine, new Reason(DataInvalid, Decision.Hold, null, EngineCitation, $"{facts.Order.Where}: {facts.DataErrors}")];
        }

        var consumes = ConsumptionMask.None;
        foreach (var i in indexes)
        {
            var rule = rules.Rules[i];
            if (rule.Consumes is { } account && rule.Decision == decision && rule.Exception == exception)
                consumes |= ConsumptionMaskExtensions.Of(account);
        }
        return new Verdict(decision, decision == Decision.LicenseException ? exception : null, indexes, engine, consumes, volume.Touched);
    }
}
