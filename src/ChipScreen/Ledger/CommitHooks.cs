using System.Globalization;

namespace ChipScreen.Ledger;

/// <summary>Pauses a commit at chosen points, for the tests that race processes and kill one mid-commit.</summary>
/// <remarks>
/// Read from the environment, so a test can steer a separate <c>chipscreen</c> process; unset (always, outside those
/// tests) they do nothing. <c>CHIPSCREEN_TEST_COMMIT_DELAY_MS</c>: wait this long after screening, before the commit
/// takes its locks (so concurrent processes all screen against the same ledger and then race).
/// <c>CHIPSCREEN_TEST_COMMIT_PAUSE_FILE</c>: once everything is written inside the transaction, create this file and
/// wait a minute before committing (the test kills the process meanwhile). In-process tests set
/// <see cref="BeforeCommitting"/>, which flows only with their own execution context.
/// </remarks>
internal static class CommitHooks
{
    public const string DelayVariable = "CHIPSCREEN_TEST_COMMIT_DELAY_MS";
    public const string PauseFileVariable = "CHIPSCREEN_TEST_COMMIT_PAUSE_FILE";

    /// <summary>Runs after screening, before the commit takes its locks (a test commits a competing batch here).</summary>
    public static readonly AsyncLocal<Action?> BeforeCommitting = new();

    public static void BeforeCommit()
    {
        if (BeforeCommitting.Value is { } hook)
        {
            BeforeCommitting.Value = null; // once
            hook();
        }
        if (int.TryParse(Environment.GetEnvironmentVariable(DelayVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms > 0)
            Thread.Sleep(Math.Min(ms, 60_000));
    }

    public static void InsideTransaction()
    {
        var file = Environment.GetEnvironmentVariable(PauseFileVariable);
        if (string.IsNullOrEmpty(file))
            return;
        File.WriteAllText(file, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Thread.Sleep(60_000);
    }
}
