namespace ChipScreen.Screening;

/// <summary>A bounded map from names (ordinal) to values, read by many threads without locks and added to under one.</summary>
/// <remarks>
/// Made for the batch's cache of party names, read once or twice per line: one open-addressed array holds each entry's
/// hash, name and value side by side, so a lookup touches one slot and the name it compares, where a
/// <see cref="System.Collections.Concurrent.ConcurrentDictionary{TKey,TValue}"/> also walks a bucket and a node. A slot is
/// published by writing its name last; a reader that sees the name sees the value. Growing builds a new array and
/// publishes it whole; a reader still on the old one can only miss, and then adds, which finds the entry under the lock.
/// </remarks>
/// <typeparam name="T">The value.</typeparam>
/// <param name="limit">The most entries kept; beyond it, <see cref="GetOrAdd"/> still answers but remembers nothing new.</param>
internal sealed class NameCache<T>(int limit) where T : class
{
    private readonly object _gate = new();
    private Slot[] _slots = new Slot[1024];
    private int _count;

    private struct Slot
    {
        public string? Name;
        public int Hash;
        public T? Value;
    }

    /// <summary>The number of entries.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The value remembered for <paramref name="name"/>, or <paramref name="make"/>'s (remembered while the cache has
    /// room). Two threads may both make a value for a new name; both get the one remembered.</summary>
    public T GetOrAdd(string name, Func<string, T> make)
    {
        var hash = name.GetHashCode();
        if (Find(Volatile.Read(ref _slots), name, hash) is { } known)
            return known;
        var fresh = make(name);
        lock (_gate)
        {
            var slots = _slots;
            if (Find(slots, name, hash) is { } added)
                return added;
            if (_count >= limit)
                return fresh;
            if (2 * (_count + 1) > slots.Length)
                Volatile.Write(ref _slots, slots = Grown(slots));
            Put(slots, name, hash, fresh);
            Volatile.Write(ref _count, _count + 1);
            return fresh;
        }
    }

    private static T? Find(Slot[] slots, string name, int hash)
    {
        var mask = slots.Length - 1;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            ref var slot = ref slots[i];
            var key = Volatile.Read(ref slot.Name);
            if (key is null)
                return null;
            if (slot.Hash == hash && string.Equals(key, name, StringComparison.Ordinal))
                return slot.Value;
        }
    }

    private static void Put(Slot[] slots, string name, int hash, T value)
    {
        var mask = slots.Length - 1;
        var i = hash & mask;
        while (slots[i].Name is not null)
            i = (i + 1) & mask;
        slots[i].Hash = hash;
        slots[i].Value = value;
        Volatile.Write(ref slots[i].Name, name);
    }

    private static Slot[] Grown(Slot[] slots)
    {
        var grown = new Slot[slots.Length * 2];
        foreach (var slot in slots)
            if (slot.Name is not null)
                Put(grown, slot.Name, slot.Hash, slot.Value!);
        return grown;
    }
}
