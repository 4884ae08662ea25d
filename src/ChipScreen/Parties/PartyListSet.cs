using ChipScreen.Rules;

namespace ChipScreen.Parties;

/// <summary>The entries and dispositions read from one or more list files, with each file's SHA-256.</summary>
/// <param name="Entries">Every entry, in file and row order.</param>
/// <param name="Dispositions">Every "not a match" disposition.</param>
/// <param name="Files">The files read, with their SHA-256 (for the run report).</param>
public sealed record PartyListSet(IReadOnlyList<ListEntry> Entries, IReadOnlyList<Disposition> Dispositions, IReadOnlyList<PackFile> Files)
{
    /// <summary>No lists.</summary>
    public static PartyListSet Empty { get; } = new([], [], []);

    /// <summary>This set followed by <paramref name="other"/>.</summary>
    public PartyListSet Concat(PartyListSet other) =>
        new([.. Entries, .. other.Entries], [.. Dispositions, .. other.Dispositions], [.. Files, .. other.Files]);
}
