using System.Runtime.InteropServices;
using ChipScreen.Ledger;

namespace ChipScreen.Screening;

/// <summary>Finds the order lines a batch holds more than once, as the first pass meets its rows in input order: what
/// <see cref="DuplicateLines"/> holds in the second.</summary>
/// <remarks>
/// <para>An order line is known by its order id and its line number, padded or not (<see cref="LineIds"/>): "01" and "1"
/// of one order are the same line, as the ledger and an ERP keying decisions by (order id, line) see them. A row without
/// a line takes its position within its order, which is the line <c>decisions.csv</c> gives it, so it is the same line as
/// a row of the order that gives that number (two rows without one never are: their positions differ).</para>
/// <para>Every row goes into an open-addressed table of a 64-bit hash of its line (<see cref="LineKey"/>) and its row,
/// not its order id, in slots of 16 bytes kept at most three quarters full: a million rows take 32 MB (2^21 slots; 48 MB
/// for the moment the table doubles from 2^20), allocated outside the garbage-collected heap
/// (whose limit the screening is sized to) and freed when the pass ends. A slot of the same hash is a duplicate: two
/// different lines share a hash with a chance of about n^2 / 2^65 for n rows (3 in 10^8 for a million rows, FNV-1a's 64
/// bits taken as random), and then both are held: a collision fails closed. Duplicates are rare, so their groups are kept
/// in an ordinary dictionary. Not thread-safe.</para>
/// </remarks>
internal sealed unsafe class DuplicateLineFinder : IDisposable
{
    private const int InitialSlots = 1 << 12;

    private Slot* _slots;
    private bool _mapped; // by PageMemory: given back to the system when freed
    private int _capacity; // a power of two
    private long _count;
    private Dictionary<ulong, List<DuplicateRow>>? _groups;

    public DuplicateLineFinder()
    {
        _capacity = InitialSlots;
        _slots = Allocate(_capacity, out _mapped);
    }

    /// <summary>Takes the next row in input order: its line's key (<see cref="LineKey.Of(string, ReadOnlySpan{char})"/>) and whether the row gave the
    /// line (false: its position within its order).</summary>
    public void Add(long row, ulong key, bool given)
    {
        ObjectDisposedException.ThrowIf(_slots is null, this);
        if (_count >= _capacity - (_capacity >> 2)) // at most three quarters full, so that a probe ends soon
            Grow();
        var mask = (ulong)_capacity - 1;
        for (var i = key & mask; ; i = (i + 1) & mask)
        {
            ref var slot = ref _slots[i];
            if (slot.Key == 0)
            {
                slot = new Slot(key, row << 1 | (given ? 1L : 0L));
                _count++;
                return;
            }
            if (slot.Key == key)
            {
                _groups ??= [];
                if (!_groups.TryGetValue(key, out var group))
                    _groups[key] = group = [new DuplicateRow(slot.Row >> 1, (slot.Row & 1) != 0)];
                group.Add(new DuplicateRow(row, given));
                return;
            }
        }
    }

    /// <summary>The duplicate lines found among the rows taken so far.</summary>
    public DuplicateLines Result() => _groups is null ? DuplicateLines.None : new DuplicateLines(_groups.Values);

    public void Dispose()
    {
        PageMemory.Free((nint)_slots, Bytes(_capacity), _mapped);
        _slots = null;
    }

    private static nuint Bytes(int slots) => (nuint)slots * (nuint)sizeof(Slot);

    private static Slot* Allocate(int slots, out bool mapped)
    {
        var (block, isMapped) = PageMemory.Allocate(Bytes(slots));
        mapped = isMapped;
        return (Slot*)block;
    }

    private void Grow()
    {
        var capacity = checked(_capacity * 2);
        var slots = Allocate(capacity, out var mapped);
        var mask = (ulong)capacity - 1;
        for (var j = 0; j < _capacity; j++)
        {
            var slot = _slots[j];
            if (slot.Key == 0)
                continue;
            var i = slot.Key & mask;
            while (slots[i].Key != 0)
                i = (i + 1) & mask;
            slots[i] = slot;
        }
        PageMemory.Free((nint)_slots, Bytes(_capacity), _mapped);
        _slots = slots;
        _mapped = mapped;
        _capacity = capacity;
    }

    /// <summary>A line's key (never 0, which marks an empty slot), and its first row shifted left by one, with 1 in the
    /// freed bit when the row gave its line.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct Slot(ulong Key, long Row);
}

/// <summary>The 64-bit key of an order line (order id, and line number as <see cref="LineIds"/> reads it): deterministic,
/// the same in every process, unlike <see cref="string.GetHashCode()"/>.</summary>
/// <remarks>FNV-1a over the order id's length and UTF-16 code units, then the line's (the length first, so that no two
/// pairs read as the same text), mixed by MurmurHash3's finalizer (a bijection: the table's low bits then depend on every
/// bit). Not a defence against input made to collide; a collision holds two lines, which fails closed.</remarks>
internal static class LineKey
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    /// <summary>The key of line <paramref name="line"/> (as written: "01" is "1") of order <paramref name="orderId"/>.</summary>
    public static ulong Of(string orderId, ReadOnlySpan<char> line)
    {
        var id = LineIds.Of(line);
        var h = Add(Offset, (uint)orderId.Length);
        foreach (var c in orderId)
            h = Add(h, c);
        h = Add(h, (uint)id.Length);
        foreach (var c in id)
            h = Add(h, c);
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccd;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53;
        h ^= h >> 33;
        return h == 0 ? 1 : h;
    }

    /// <summary>The key of the line a row without one takes: its <paramref name="position"/> within its order.</summary>
    public static ulong Of(string orderId, int position)
    {
        Span<char> digits = stackalloc char[11];
        position.TryFormat(digits, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        return Of(orderId, digits[..written]);
    }

    private static ulong Add(ulong h, char c) => (((h ^ (byte)c) * Prime) ^ (byte)(c >> 8)) * Prime;

    private static ulong Add(ulong h, uint value)
    {
        for (var i = 0; i < 4; i++, value >>= 8)
            h = (h ^ (value & 0xff)) * Prime;
        return h;
    }
}
