using System.Globalization;

namespace ChipScreen.Ledger;

/// <summary>Pauses a commit at chosen points, for the tests that race processes and kill one mid-commit.</summary>
/// <remarks>
/// Read from the environment, so a test can steer a separate <c>chipscreen</c> process; unset (always, outside those
/// tests) they do nothing. <c>CHIPSCREEN_TEST_COMMIT_BARRIER</c>: once screened, before the commit takes its locks,
/// create <c>PID.ready</c> in this directory and wait (at most two minutes) for a file <c>go</c> there, so that concurrent
/// processes all screen against the same ledger and then race to commit.
/// <c>CHIPSCREEN_TEST_COMMIT_PAUSE_FILE</c>: once everything is written inside the transaction, create this file and
/// wait a minute before committing (the test kills the process meanwhile). In-process tests set
/// <see cref="BeforeCommitting"/>, which flows only with their own execution context.
/// </remarks>
internal static class CommitHooks
{
    public const string BarrierVariable = "CHIPSCREEN_TEST_COMMIT_BARRIER";
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
        var barrier = Environment.GetEnvironmentVariable(BarrierVariable);
        if (string.IsNullOrEmpty(barrier))
            return;
        File.WriteAllText(Path.Combine(barrier, Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".ready"), "");
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!File.Exists(Path.Combine(barrier, "go")) && DateTime.UtcNow < deadline)
            Thread.Sleep(20);
    }

    /// <summary>Runs inside a void's transaction once it has looked at which targets have active entries, before it writes
    /// (a test starts a competing commit here).</summary>
    public static readonly AsyncLocal<Action?> InsideVoiding = new();

    public static void InsideVoid()
    {
        if (InsideVoiding.Value is { } hook)
        {
            InsideVoiding.Value = null; // once
            hook();
        }
    }

    /// <summary>Runs inside the commit's transaction once everything is written, before it commits (a test holds a
    /// commit open here while another one starts).</summary>
    public static readonly AsyncLocal<Action?> InsideCommitting = new();

    public static void InsideTransaction()
    {
        if (InsideCommitting.Value is { } hook)
        {
            InsideCommitting.Value = null; // once
            hook();
        }
        var file = Environment.GetEnvironmentVariable(PauseFileVariable);
        if (string.IsNullOrEmpty(file))
            return;
        File.WriteAllText(file, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Thread.Sleep(60_000);
    }
}
