namespace ChipScreen.Parties;

/// <summary>A reviewed "not a match": a person found that a name is not a list entry, as the entry stood then.</summary>
/// <remarks>It applies only while the entry's content hash is the one reviewed: when the list changes the entry, the
/// disposition lapses and the name is screened as before.</remarks>
/// <param name="Name">The name as screened (compared ignoring case, accents, punctuation and spacing).</param>
/// <param name="EntryId">The list entry's id.</param>
/// <param name="EntryHash">The entry's content hash when reviewed (hex; at least its first 12 digits).</param>
/// <param name="Reviewer">Who reviewed.</param>
/// <param name="Date">When.</param>
/// <param name="Reason">Why the name is not the entry.</param>
/// <param name="File">The file it was read from.</param>
public sealed record Disposition(string Name, string EntryId, string EntryHash, string Reviewer, DateOnly Date, string Reason, string File)
{
    /// <summary>Whether the disposition still applies to <paramref name="entry"/> (same content hash).</summary>
    public bool AppliesTo(ListEntry entry) => entry.ContentHash.StartsWith(EntryHash, StringComparison.OrdinalIgnoreCase);
}
