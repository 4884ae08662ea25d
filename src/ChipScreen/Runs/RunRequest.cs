namespace ChipScreen.Runs;

/// <summary>What to screen and where to write: the arguments of <c>chipscreen screen</c>.</summary>
/// <param name="OrdersPath">The orders CSV.</param>
/// <param name="RulesDirectory">The rules directory.</param>
/// <param name="PackId">The pack; null for the pack in force on the as-of date.</param>
/// <param name="AsOf">The as-of date; null for today.</param>
/// <param name="OutputDirectory">Where decisions.csv and report.json go (created if needed).</param>
public sealed record RunRequest(string OrdersPath, string RulesDirectory, string? PackId, DateOnly? AsOf, string OutputDirectory)
{
    /// <summary>Restricted-party list files screened besides the pack's own (<c>--list</c>), in order.</summary>
    public IReadOnlyList<string> Lists { get; init; } = [];
}
