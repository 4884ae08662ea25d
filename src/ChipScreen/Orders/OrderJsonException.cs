namespace ChipScreen.Orders;

/// <summary>Thrown when a JSON order body does not parse at all; names the field it broke in (when known) and where.</summary>
/// <remarks>A field that parses but holds a bad value is not an exception: it becomes a <see cref="FieldIssue"/> of the line.</remarks>
public sealed class OrderJsonException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="field">The field the JSON broke in or after (its name as written), or null when not in a field.</param>
    /// <param name="element">The 1-based element of a batch array, or null for a single order.</param>
    /// <param name="line">The 1-based line of the body.</param>
    /// <param name="column">The 1-based byte position in that line.</param>
    /// <param name="reason">What the JSON reader found.</param>
    /// <param name="inner">The reader's exception.</param>
    public OrderJsonException(string? field, long? element, long line, long column, string reason, Exception? inner = null)
        : base(Describe(field, element, line, column, reason), inner)
    {
        Field = field;
        Element = element;
        LineNumber = line;
        Column = column;
    }

    /// <summary>The field the JSON broke in or after, or null.</summary>
    public string? Field { get; }

    /// <summary>The 1-based element of a batch array it broke in, or null.</summary>
    public long? Element { get; }

    /// <summary>The 1-based line of the body.</summary>
    public long LineNumber { get; }

    /// <summary>The 1-based byte position in that line.</summary>
    public long Column { get; }

    private static string Describe(string? field, long? element, long line, long column, string reason) =>
        $"the body is not valid JSON at line {line}, column {column}" +
        (element is { } e ? $", in order {e} of the array" : "") +
        (field is null ? "" : $", in or after field '{field}'") +
        $": {reason}";
}
