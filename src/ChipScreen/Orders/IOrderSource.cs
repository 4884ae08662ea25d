namespace ChipScreen.Orders;

/// <summary>A batch of order lines that can be read more than once, each time mapped in order.</summary>
/// <remarks>
/// The screener reads a batch twice (plan volumes, then decide) and maps each line to a result on several
/// threads; a source decides how: a CSV file parses its rows on the mapping threads too.
/// </remarks>
public interface IOrderSource
{
    /// <summary>Maps runs of consecutive lines with <paramref name="work"/> and returns its results in input order.</summary>
    /// <param name="work">Thread-safe; called concurrently for different runs.</param>
    /// <param name="degreeOfParallelism">Threads to map on; -1 for one per processor, 1 for the calling thread only.</param>
    IEnumerable<T> MapBatches<T>(Func<OrderLine[], T> work, int degreeOfParallelism);

    /// <summary>Maps every line with <paramref name="selector"/> and returns the results in input order.</summary>
    /// <param name="selector">Thread-safe; called concurrently for different lines.</param>
    /// <param name="degreeOfParallelism">Threads to map on; -1 for one per processor, 1 for the calling thread only.</param>
    IEnumerable<T> Map<T>(Func<OrderLine, T> selector, int degreeOfParallelism) =>
        MapBatches(batch => Array.ConvertAll(batch, line => selector(line)), degreeOfParallelism).SelectMany(results => results);
}

/// <summary>Order lines held in memory (or any repeatable sequence) as an <see cref="IOrderSource"/>.</summary>
/// <remarks>Each line's <see cref="OrderLine.Row"/> is set to its 1-based position.</remarks>
/// <param name="lines">The lines; enumerated once per <see cref="MapBatches"/>.</param>
public sealed class OrderLines(IEnumerable<OrderLine> lines) : IOrderSource
{
    /// <inheritdoc />
    public IEnumerable<T> MapBatches<T>(Func<OrderLine[], T> work, int degreeOfParallelism) =>
        Screening.OrderedParallel.Map(Numbered(), work, degreeOfParallelism);

    private IEnumerable<OrderLine> Numbered()
    {
        long row = 0;
        foreach (var line in lines)
            yield return line with { Row = ++row };
    }
}

/// <summary>An orders CSV file as an <see cref="IOrderSource"/>: each <see cref="MapBatches"/> reads the file again.</summary>
/// <param name="path">The file.</param>
public sealed class OrderCsvFile(string path) : IOrderSource
{
    /// <summary>The file.</summary>
    public string Path => path;

    /// <inheritdoc />
    /// <remarks>Rows are parsed on one thread and mapped on <paramref name="degreeOfParallelism"/> others, with a bounded
    /// number of rows in flight, so memory stays flat even when the caller consumes results slowly.</remarks>
    public IEnumerable<T> MapBatches<T>(Func<OrderLine[], T> work, int degreeOfParallelism) =>
        Screening.OrderedParallel.Map(ReadLines(), work, degreeOfParallelism);

    private IEnumerable<OrderLine> ReadLines()
    {
        using var reader = OrderCsvReader.Open(path);
        foreach (var line in reader.ReadLines())
            yield return line;
    }
}
