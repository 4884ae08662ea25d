namespace ChipScreen.Orders;

/// <summary>Thrown when an orders file cannot be screened at all (no header, a required column missing, unreadable).</summary>
/// <remarks>Problems with single rows never throw: they hold the row.</remarks>
public sealed class OrderFileException(string message, Exception? inner = null) : Exception(message, inner);
