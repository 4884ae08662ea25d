namespace ChipScreen.Parties;

/// <summary>Thrown when a restricted-party list cannot be used: unreadable, of an unknown format, malformed or empty.</summary>
/// <remarks>The message names the file and, when it is one row, the row and line. The command line exits with 2.</remarks>
public sealed class PartyListException : Exception
{
    /// <summary>Creates the exception for <paramref name="file"/>; <paramref name="row"/> and <paramref name="line"/> when known.</summary>
    public PartyListException(string file, long? row, long? line, string problem, Exception? inner = null)
        : base(Describe(file, row, line, problem), inner)
    {
        File = file;
        Row = row;
        Line = line;
        Problem = problem;
    }

    /// <summary>The file as given.</summary>
    public string File { get; }

    /// <summary>The 1-based data row (header not counted), when the problem is one row.</summary>
    public long? Row { get; }

    /// <summary>The 1-based line of the file, when known.</summary>
    public long? Line { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }

    private static string Describe(string file, long? row, long? line, string problem) =>
        (row, line) switch
        {
            ({ } r, { } l) => $"{file}: row {r} (line {l}): {problem}",
            ({ } r, null) => $"{file}: row {r}: {problem}",
            (null, { } l) => $"{file}: line {l}: {problem}",
            _ => $"{file}: {problem}",
        };
}
