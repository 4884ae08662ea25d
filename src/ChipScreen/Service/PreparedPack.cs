using System.Collections.Immutable;
using ChipScreen.Orders;
using ChipScreen.Rules;
using ChipScreen.Screening;

namespace ChipScreen.Service;

/// <summary>A rule pack ready to screen: loaded, validated, compiled, with its screener. Built once, never changed.</summary>
/// <remarks>A reload builds a new instance and swaps it whole; a caller that took one instance screens a whole line or
/// batch with it, so no result ever mixes two packs. Thread-safe.</remarks>
public sealed class PreparedPack
{
    private readonly FactsBuilder _facts;

    internal PreparedPack(RulePack pack, DateTimeOffset loadedAt, int degreeOfParallelism)
    {
        Pack = pack;
        Identity = PackIdentity.Of(pack);
        LoadedAt = loadedAt;
        Screener = new BatchScreener(pack, degreeOfParallelism < 1 ? -1 : degreeOfParallelism);
        _facts = new FactsBuilder(pack);
    }

    /// <summary>The pack.</summary>
    public RulePack Pack { get; }

    /// <summary>Its id, version and revision.</summary>
    public PackIdentity Identity { get; }

    /// <summary>When it was loaded (UTC, from the host's <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset LoadedAt { get; }

    internal BatchScreener Screener { get; }

    /// <summary>The data problems of a line (what held it), with their codes and fields; empty when there are none.</summary>
    internal ImmutableArray<FieldIssue> IssuesOf(LineDecision decision, DateOnly asOf) =>
        decision.Facts.DataIssues.Length == 0 ? [] : [.. _facts.Build(decision.Input, asOf).DataIssues];
}
