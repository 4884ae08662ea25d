using ChipScreen.Orders;
using ChipScreen.Screening;
using ChipScreen.Volumes;
using static ChipScreen.Tests.Support.Screen;

namespace ChipScreen.Tests.Screening;

/// <summary>A row without a line number takes its position within its order (screening contract, input columns), counting
/// every earlier row of the order, numbered or not, wherever it stands in the file.</summary>
public class LineNumberTests
{
    private static OrderLine Row(string order, string line) => Line(order: order, line: line);

    /// <summary>The lines the decisions carry, and the lines the first pass tells a ledger, in input order.</summary>
    private static (string[] Decided, string[] Told, int Reads) Lines(params OrderLine[] rows)
    {
        var source = new CountingSource(rows);
        var screener = new BatchScreener(Pack);
        var told = new List<string>();
        var plan = screener.Plan(source, AsOf, EmptyVolumeBaseline.Instance, (_, order, line, _) => told.Add($"{order}/{line}"));
        var decided = screener.Decide(source, AsOf, plan).Select(d => $"{d.OrderId}/{d.Line}").ToArray();
        return (decided, [.. told], source.Reads);
    }

    [Fact]
    public void NumberedRows_KeepTheirNumbers_AndTheBatchIsReadOncePerPass()
    {
        var (decided, told, reads) = Lines(Row("A", "10"), Row("B", "1"), Row("A", "20"));
        Assert.Equal(["A/10", "B/1", "A/20"], decided);
        Assert.Equal(decided, told);
        Assert.Equal(2, reads);
    }

    [Fact]
    public void RowsWithoutNumbers_TakeTheirPositionWithinTheirOrder()
    {
        var (decided, told, _) = Lines(Row("A", ""), Row("A", ""), Row("B", ""), Row("A", ""));
        Assert.Equal(["A/1", "A/2", "B/1", "A/3"], decided);
        Assert.Equal(decided, told);
    }

    [Fact]
    public void TheFirstRowWithoutANumber_CountsTheNumberedRowsOfItsOrderBeforeIt_EvenFarApart()
    {
        // A's third row comes after B's rows; the rows before the first unnumbered one are read again to count them.
        var (decided, told, reads) = Lines(Row("A", "1"), Row("B", "7"), Row("A", "2"), Row("B", "8"), Row("A", ""), Row("B", ""), Row("C", ""));
        Assert.Equal(["A/1", "B/7", "A/2", "B/8", "A/3", "B/3", "C/1"], decided);
        Assert.Equal(decided, told);
        Assert.Equal(3, reads);
    }

    [Fact]
    public void RowsAfterTheFirstUnnumberedOne_AreCountedAsTheyCome()
    {
        var (decided, _, _) = Lines(Row("A", ""), Row("B", "5"), Row("B", "6"), Row("A", "9"), Row("B", ""), Row("A", ""));
        Assert.Equal(["A/1", "B/5", "B/6", "A/9", "B/3", "A/3"], decided);
    }

    [Fact]
    public void TheFirstPass_TellsWhichLineNumbersWereGiven_AndWhichAreRowPositions()
    {
        // A ledger must not take a row position for a committed line's id (see LedgerContract).
        var told = new List<string>();
        new BatchScreener(Pack).Plan(new CountingSource([Row("A", "10"), Row("A", ""), Row("B", "")]), AsOf, EmptyVolumeBaseline.Instance,
            (_, order, line, given) => told.Add($"{order}/{line}/{(given ? "given" : "position")}"));
        Assert.Equal(["A/10/given", "A/2/position", "B/1/position"], told);
        var one = new List<bool>();
        new BatchScreener(Pack).ScreenOne(Row("A", ""), AsOf, null, (_, _, _, given) => one.Add(given));
        Assert.Equal([false], one);
    }

    [Fact]
    public void ACsvFileWithoutLineNumbers_IsNumberedByPositionWithinEachOrder()
    {
        var path = Path.Combine(Path.GetTempPath(), $"chipscreen-lines-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "order_id,line,ship_date,sku,quantity,destination_country,end_user\n" +
            "PO-1,1,2025-06-01,H100-SXM5-80GB,1,DE,Buyer GmbH\n" +
            "PO-2,,2025-06-01,H100-SXM5-80GB,1,DE,Buyer GmbH\n" +
            "PO-1,,2025-06-01,H100-SXM5-80GB,1,DE,Buyer GmbH\n" +
            "PO-2,,2025-06-01,H100-SXM5-80GB,1,DE,Buyer GmbH\n");
        try
        {
            var decisions = new BatchScreener(Pack).Screen(new OrderCsvFile(path), AsOf).Select(d => $"{d.OrderId}/{d.Line}");
            Assert.Equal(["PO-1/1", "PO-2/1", "PO-1/2", "PO-2/2"], decisions);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Rows in memory, counting how often the batch is read.</summary>
    private sealed class CountingSource(IReadOnlyList<OrderLine> rows) : IOrderSource
    {
        public int Reads { get; private set; }

        public IEnumerable<T> MapBatches<T>(Func<OrderLine[], T> work, int degreeOfParallelism)
        {
            Reads++;
            return new OrderLines(rows).MapBatches(work, degreeOfParallelism);
        }
    }
}
