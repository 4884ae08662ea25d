namespace ChipScreen.Runs;

/// <summary>The output directory or the audit log of a run cannot be written; thrown before anything is screened.</summary>
public sealed class RunOutputException(string message, Exception? innerException = null) : Exception(message, innerException);
