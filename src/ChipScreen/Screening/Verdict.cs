using ChipScreen.Volumes;

namespace ChipScreen.Screening;

/// <summary>The outcome of evaluating a pack's rules on one line, before messages are rendered.</summary>
/// <param name="Decision">The most severe decision.</param>
/// <param name="Exception">The license exception of that decision, if any.</param>
/// <param name="Fired">The indexes of the rules that fired, in pack order.</param>
/// <param name="EngineReasons">Reasons the engine added to fail closed (data invalid, no rule fired, evaluation failed).</param>
/// <param name="Consumes">The volume accounts the final decision consumes.</param>
/// <param name="DependsOnVolume">Whether a rule read a volume limit.</param>
internal readonly record struct Verdict(
    Decision Decision,
    string? Exception,
    int[] Fired,
    Reason[] EngineReasons,
    ConsumptionMask Consumes,
    bool DependsOnVolume);

/// <summary>Which volume accounts a decision consumes, as bits.</summary>
[Flags]
internal enum ConsumptionMask : byte
{
    None = 0,
    ConsigneeYear = 1,
    CountryAllocation = 2,
}

internal static class ConsumptionMaskExtensions
{
    public static ConsumptionMask Of(VolumeAccount account) => account switch
    {
        VolumeAccount.ConsigneeYear => ConsumptionMask.ConsigneeYear,
        _ => ConsumptionMask.CountryAllocation,
    };
}
