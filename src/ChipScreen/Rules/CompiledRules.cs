using ChipScreen.Screening;

namespace ChipScreen.Rules;

/// <summary>A pack's decision rules compiled once into a single delegate that evaluates every rule of a line.</summary>
/// <remarks>
/// Equivalent to RulesEngine's <c>ExecuteAllRulesAsync</c> on the same workflows (a test proves it on the
/// samples) but without its per-call allocations: global parameters are computed once per line and each rule
/// writes whether it fired into a slot of a caller-owned array. Immutable and thread-safe.
/// </remarks>
internal sealed class CompiledRules
{
    private readonly Action<LineFacts, bool[]> _evaluate;
    private readonly Action<LineFacts, bool[]> _evaluateVolume;
    private readonly MessageTemplate[] _messages;

    public CompiledRules(IReadOnlyList<RuleDefinition> rules, Action<LineFacts, bool[]> evaluate, Action<LineFacts, bool[]> evaluateVolume, MessageTemplate[] messages, FactInputs[] reads)
    {
        Reads = reads;
        Rules = rules;
        _evaluate = evaluate;
        _evaluateVolume = evaluateVolume;
        _messages = messages;
        FallbackIndexes = rules.Select((r, i) => (r, i)).Where(x => x.r.Fallback).Select(x => x.i).ToArray();
    }

    /// <summary>The rules, in evaluation (file) order.</summary>
    public IReadOnlyList<RuleDefinition> Rules { get; }

    /// <summary>For each rule, the inputs of a line that what its expression reads (with the global parameters it uses) is
    /// derived from: on a line whose data issues make one of them unusable, the rule does not fire.</summary>
    public FactInputs[] Reads { get; }

    /// <summary>The positions of the fallback rules.</summary>
    public int[] FallbackIndexes { get; }

    /// <summary>Evaluates every rule for a line; <paramref name="fired"/> must hold one slot per rule.</summary>
    public void Evaluate(LineFacts facts, bool[] fired) => _evaluate(facts, fired);

    /// <summary>Evaluates again only the rules that read a volume limit, leaving the other slots as they are.</summary>
    public void EvaluateVolumeRules(LineFacts facts, bool[] fired) => _evaluateVolume(facts, fired);

    /// <summary>Renders the message of rule <paramref name="index"/> for a line.</summary>
    public string Message(int index, LineFacts facts) => _messages[index].Render(facts);
}
