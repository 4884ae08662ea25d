namespace ChipScreen.Service;

/// <summary>Thrown when a streamed batch holds more lines than <see cref="ChipScreenOptions.MaxBatchLines"/>; nothing of
/// the batch was decided.</summary>
public sealed class BatchTooLargeException : Exception
{
    /// <summary>Creates the exception for a batch over <paramref name="maxLines"/>.</summary>
    public BatchTooLargeException(int maxLines)
        : base($"the batch has more than {maxLines:N0} lines (ChipScreen:MaxBatchLines); split it")
    {
        MaxLines = maxLines;
    }

    /// <summary>The limit that was passed.</summary>
    public int MaxLines { get; }
}
