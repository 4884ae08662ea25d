namespace ChipScreen.Rules;

/// <summary>The first day after a pack's as-of date on which the rules it screened by stop holding: the pack's end, or a
/// dated country-group change of it. A line that ships on or after it is decided by rules that are not the ones on its
/// ship date.</summary>
/// <param name="On">The day.</param>
/// <param name="What">What happens then: "pack ai-diffusion-2025 ends", or "dated group change 2026-02-03 D:5 -KH (BIS, ...)".</param>
public sealed record RulesChange(DateOnly On, string What);
