using ChipScreen.Screening;

namespace ChipScreen.Reports;

/// <summary>A decision as the file outputs need it: its CSV record, made on the worker that decided it, and what the
/// summary counts.</summary>
/// <param name="Csv">The decisions.csv record (UTF-8, with its line ending).</param>
/// <param name="Digest">What the summary counts.</param>
public sealed record FormattedDecision(byte[] Csv, DecisionDigest Digest)
{
    /// <summary>Formats a decision. Thread-safe.</summary>
    public static FormattedDecision Of(LineDecision decision) => new(DecisionsCsvWriter.Format(decision), DecisionDigest.Of(decision));
}
