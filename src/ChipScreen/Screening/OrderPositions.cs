using ChipScreen.Orders;

namespace ChipScreen.Screening;

/// <summary>The position of each row within its order, as a first pass meets the rows in input order: what a row without a
/// line number takes as its line (the screening contract's default).</summary>
/// <remarks>
/// Counting rows per order needs every order id of the batch held until its end. Most batches number their lines, so
/// nothing is counted until the first row without a line number; then the rows before it are read again, once, to
/// count them, and every row after it is counted as it comes. Not thread-safe.
/// </remarks>
/// <param name="source">The batch, read again (up to the first row without a line number) when that row comes.</param>
internal sealed class OrderPositions(IOrderSource source)
{
    private Dictionary<string, int>? _counts;
    private long _uncounted; // rows taken before the first one without a line number

    /// <summary>Takes the next row in input order; returns its position within its order, or 0 when it has a line
    /// number and no row before it lacked one (its position is then never needed).</summary>
    public int Next(string orderId, bool numbered)
    {
        if (_counts is null)
        {
            if (numbered)
            {
                _uncounted++;
                return 0;
            }
            _counts = CountFirst(_uncounted);
        }
        ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_counts, orderId, out _);
        return ++count;
    }

    /// <summary>The rows of each order among the first <paramref name="rows"/> rows of the batch.</summary>
    private Dictionary<string, int> CountFirst(long rows)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (rows == 0)
            return counts;
        long read = 0;
        foreach (var orderId in source.Map(order => order.OrderId, 1))
        {
            ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, orderId, out _);
            count++;
            if (++read == rows)
                return counts;
        }
        throw new InvalidOperationException($"the batch gave {read} rows when read again, where the first read had {rows} before this one; a batch must give the same rows each time it is read");
    }
}
