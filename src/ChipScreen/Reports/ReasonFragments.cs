using System.Runtime.CompilerServices;
using ChipScreen.Screening;

namespace ChipScreen.Reports;

/// <summary>One thread's cache of what a record writes around a reason's message (its rule id, decision, exception and
/// citation), as bytes made once per rule.</summary>
/// <remarks>Every line a rule fires on carries the same id, exception and citation strings (the same objects), so they
/// need not be checked, escaped and encoded again for each of a million lines. An entry is used only for a reason whose
/// strings are those very objects, so its bytes are always that reason's; a rule whose strings are new objects (another
/// pack) only replaces an entry. Not thread-safe: one per thread.</remarks>
/// <typeparam name="TBuffer">The buffer the fragments are written with.</typeparam>
/// <param name="write">Writes a reason's fragments: what comes before its message, then what comes after.</param>
internal sealed class ReasonFragments<TBuffer>(Action<Reason, TBuffer, TBuffer> write) where TBuffer : Utf8Buffer, new()
{
    /// <summary>Entries: more than a pack's rules and the engine's reasons together.</summary>
    private const int Size = 128;

    private readonly Entry[] _entries = new Entry[Size];
    private readonly TBuffer _before = new();
    private readonly TBuffer _after = new();

    private struct Entry
    {
        public Reason? Key;
        public byte[] Before;
        public byte[] After;
    }

    /// <summary>The fragments of <paramref name="reason"/>.</summary>
    public (byte[] Before, byte[] After) Of(Reason reason)
    {
        ref var entry = ref _entries[SlotOf(reason)];
        if (entry.Key is { } key && ReferenceEquals(key.RuleId, reason.RuleId) && ReferenceEquals(key.Citation, reason.Citation)
            && ReferenceEquals(key.Exception, reason.Exception) && key.Decision == reason.Decision)
            return (entry.Before, entry.After);
        _before.Clear();
        _after.Clear();
        write(reason, _before, _after);
        entry = new Entry { Key = reason, Before = _before.Written.ToArray(), After = _after.Written.ToArray() };
        return (entry.Before, entry.After);
    }

    /// <summary>The entry a reason goes in: by its strings' identities, not their text.</summary>
    internal static int SlotOf(Reason reason) =>
        (RuntimeHelpers.GetHashCode(reason.RuleId) * 31 + RuntimeHelpers.GetHashCode(reason.Citation)) & (Size - 1);
}
