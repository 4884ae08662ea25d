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
/// <remarks>
/// Each pass hashes what it reads. The first complete pass gives <see cref="Sha256"/>; a later pass that read other bytes
/// (the file rewritten, or another renamed over it, between or during passes) throws at its end instead of finishing with
/// decisions of one file under a plan, and a hash, of another.
/// </remarks>
/// <param name="path">The file.</param>
/// <param name="ignoreColumns">Columns ChipScreen does not read to ignore although they look like screening columns
/// (see <see cref="OrderCsvReader.Open(string, IReadOnlyCollection{string})"/>).</param>
public sealed class OrderCsvFile(string path, IReadOnlyCollection<string>? ignoreColumns = null) : IOrderSource
{
    private (long Length, string Sha256)? _read;

    /// <summary>The file.</summary>
    public string Path => path;

    /// <summary>The SHA-256 (lower-case hex) of the file as the first complete pass read it; null before one has.</summary>
    public string? Sha256 => _read?.Sha256;

    /// <summary>The header names of the file that match no contract column, as the first pass read them.</summary>
    public IReadOnlyList<string> IgnoredColumns { get; private set; } = [];

    /// <inheritdoc />
    /// <remarks>Rows are parsed on one thread and mapped on <paramref name="degreeOfParallelism"/> others, with a bounded
    /// number of rows in flight, so memory stays flat even when the caller consumes results slowly.</remarks>
    /// <exception cref="OrderFileException">The file cannot be read, or it changed since an earlier pass read it.</exception>
    public IEnumerable<T> MapBatches<T>(Func<OrderLine[], T> work, int degreeOfParallelism) =>
        Screening.OrderedParallel.Map(ReadLines(), work, degreeOfParallelism);

    private IEnumerable<OrderLine> ReadLines()
    {
        HashingReadStream? hashed = null;
        try
        {
            using (var reader = OrderCsvReader.Open(path, ignoreColumns, file => hashed = new HashingReadStream(file)))
            {
                if (_read is null)
                    IgnoredColumns = reader.IgnoredColumns;
                foreach (var line in reader.ReadLines())
                    yield return line;
            }
            var read = hashed!.Finish();
            if (_read is not { } first)
                _read = read;
            else if (read != first)
                throw new OrderFileException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{path}: the input changed while it was screened (its first pass read {first.Length:N0} bytes with SHA-256 {first.Sha256[..12]}..., " +
                    $"a later one {read.Length:N0} bytes with SHA-256 {read.Sha256[..12]}...): screen it again once it is complete and no longer being written"));
        }
        finally
        {
            hashed?.Dispose();
        }
    }
}
