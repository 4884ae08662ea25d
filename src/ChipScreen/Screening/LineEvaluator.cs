using ChipScreen.Rules;
using ChipScreen.Volumes;

namespace ChipScreen.Screening;

/// <summary>Evaluates a pack's compiled rules on a line's facts and aggregates them into a <see cref="Verdict"/>. Pure.</summary>
/// <remarks>
/// The final decision is the most severe any rule gave; its exception is that of the first rule (in pack
/// order) that gave it. Fallback rules fire only when nothing else did. The engine fails closed on its own:
/// a line with data problems is at least HOLD even if the pack has no rule for it, a line no rule decided is
/// HOLD, and a rule that throws holds the line. On a line with data issues, a rule that read a fact derived from a bad
/// or missing field (<see cref="CompiledRules.Reads"/>, <see cref="LineFacts.Unusable"/>) is set aside unless it is more
/// severe than what remains: a rule does not fire on a value the line does not have.
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

        // A rule does not fire on a value the line does not have: on a line with data issues, a rule that reads a fact
        // derived from a bad or missing field is set aside (not listed, not counted, no message). The data rule and the
        // engine's own data_invalid reason hold the line; should setting a rule aside lower the decision (a PROHIBITED
        // rule that read the bad field), the rules more severe than what remains stand, so no line is decided less
        // severely for its data issues.
        var setAside = facts.HasDataErrors ? SetAside(rules, facts.Unusable, fired) : null;
        var (indexes, decision, exception) = Choose(rules, fired, setAside);
        if (setAside is not null)
        {
            // Data issues hold the line at least (the data rule, else the engine's data_invalid).
            var floor = decision > Decision.Hold ? decision : Decision.Hold;
            var restored = false;
            for (var i = 0; i < setAside.Length; i++)
                if (setAside[i] && rules.Rules[i].Decision > floor)
                    (setAside[i], restored) = (false, true);
            if (restored)
                (indexes, decision, exception) = Choose(rules, fired, setAside);
        }
        var count = indexes.Length;

        Reason[] engine = [];
        if (count == 0)
        {
            decision = Decision.Hold;
            exception = null;
            engine = [new Reason(NoRule, Decision.Hold, null, EngineCitation, "no rule of the pack decided this line; a person must review it")];
        }
        // Held for no rule deciding it, a line with data issues says what they are too (its rules may all have been set
        // aside for them).
        if (facts.HasDataErrors && (decision < Decision.Hold || count == 0))
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

    /// <summary>The rules that fired but read a fact the line's data issues make unusable (<paramref name="unusable"/>), or
    /// null when there is none.</summary>
    private static bool[]? SetAside(CompiledRules rules, FactInputs unusable, bool[] fired)
    {
        if (unusable == FactInputs.None)
            return null;
        bool[]? setAside = null;
        for (var i = 0; i < fired.Length; i++)
            if (fired[i] && (rules.Reads[i] & unusable) != 0)
                (setAside ??= new bool[fired.Length])[i] = true;
        return setAside;
    }

    /// <summary>The rules that decide a line, in pack order, of those that fired and are not set aside (the fallback rules
    /// only when no other fired), with the most severe decision and its exception (the first in pack order that gave it).</summary>
    private static (int[] Indexes, Decision Decision, string? Exception) Choose(CompiledRules rules, bool[] fired, bool[]? setAside)
    {
        // A fallback fires only when no other rule fired, set aside or not: a rule set aside for an unusable value did
        // fire, so the line is not "anything else".
        var useFallback = true;
        for (var i = 0; i < fired.Length && useFallback; i++)
            if (fired[i] && !rules.Rules[i].Fallback)
                useFallback = false;
        var count = 0;
        if (!useFallback)
        {
            for (var i = 0; i < fired.Length; i++)
                if (fired[i] && !rules.Rules[i].Fallback && (setAside is null || !setAside[i]))
                    count++;
        }
        else
            foreach (var i in rules.FallbackIndexes)
                if (fired[i] && (setAside is null || !setAside[i]))
                    count++;

        var indexes = new int[count];
        var n = 0;
        var decision = Decision.Nlr;
        string? exception = null;
        for (var i = 0; i < fired.Length; i++)
        {
            if (!fired[i] || rules.Rules[i].Fallback != useFallback || setAside is not null && setAside[i])
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
        return (indexes, decision, exception);
    }
}
