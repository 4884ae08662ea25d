using System.Collections.Frozen;
using System.Globalization;
using ChipScreen.Orders;

namespace ChipScreen.Screening;

/// <summary>A row of a batch that holds an order line another row holds too, and whether it gave the line (or took its
/// position within its order).</summary>
internal readonly record struct DuplicateRow(long Row, bool Given);

/// <summary>The rows of a batch whose order line is on more than one row (<see cref="DuplicateLineFinder"/>), each with
/// the other rows of its line: the second pass holds every one of them.</summary>
/// <remarks>
/// Every copy is held, not only the later ones: which row is the line the ERP means cannot be known, and two decisions
/// under one (order id, line) let an ERP that keys decisions by it take the milder. A held copy adds to no volume.
/// Immutable.
/// </remarks>
internal sealed class DuplicateLines
{
    /// <summary>The most other rows a reason names; a line on more rows says how many more.</summary>
    internal const int RowsNamed = 10;

    private readonly FrozenDictionary<long, DuplicateRow[]> _groups;

    /// <summary>No duplicate lines.</summary>
    public static DuplicateLines None { get; } = new([]);

    /// <summary>Each group: the rows of one order line, in input order.</summary>
    internal DuplicateLines(IEnumerable<IReadOnlyList<DuplicateRow>> groups)
    {
        var byRow = new Dictionary<long, DuplicateRow[]>();
        foreach (var group in groups)
        {
            var rows = group.ToArray();
            foreach (var r in rows)
                byRow[r.Row] = rows;
        }
        _groups = byRow.ToFrozenDictionary();
    }

    /// <summary>The number of rows held as copies of a line on another row.</summary>
    public int Rows => _groups.Count;

    /// <summary>The rows held as copies of another row's line, in input order.</summary>
    public IEnumerable<long> HeldRows => _groups.Keys.Order();

    /// <summary>Whether <paramref name="row"/> holds a line another row holds too.</summary>
    public bool Holds(long row) => _groups.ContainsKey(row);

    /// <summary>The issue that holds <paramref name="order"/> (as read: its line as written, empty when not given) when its
    /// line is on other rows too; null when it is on this row only. <paramref name="position"/> is the line a row without
    /// one takes.</summary>
    public FieldIssue? IssueOf(OrderLine order, int position)
    {
        if (!_groups.TryGetValue(order.Row, out var group))
            return null;
        // Only the first few other rows are looked at: a line copied onto every row of a large batch costs each row as
        // little as a line on two rows (naming all the others would be quadratic in the batch).
        var others = group.Length - 1;
        var named = string.Join(", ", group.Where(r => r.Row != order.Row).Take(RowsNamed).Select(Describe));
        if (others > 1 && others <= RowsNamed)
        {
            var last = named.LastIndexOf(", ", StringComparison.Ordinal);
            named = named[..last] + " and " + named[(last + 2)..];
        }
        else if (others > RowsNamed)
        {
            named += string.Create(CultureInfo.InvariantCulture, $" and {others - RowsNamed} more");
        }
        var where = $"{(others == 1 ? "row" : "rows")} {named} of this batch";
        const string Rule = "an order line must be one row, so every copy is held";
        if (order.Line.Length == 0)
            return new FieldIssue(IssueCodes.DuplicateLine, OrderColumns.Line, string.Create(CultureInfo.InvariantCulture,
                $"is not given, so this row takes line {position} of order {order.OrderId} (its position in the order), which is also on {where}; {Rule}; give every row of the order its line"));
        var id = Ledger.LineIds.Of(order.Line);
        var padding = id == order.Line ? "" : $" (read as line {id}: a number is one line however it is written)";
        return new FieldIssue(IssueCodes.DuplicateLine, OrderColumns.Line, $"{order.Line} of order {order.OrderId}{padding} is also on {where}; {Rule}");
    }

    private static string Describe(DuplicateRow row) =>
        row.Given ? row.Row.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{row.Row} (no line given: its position in the order)");
}
