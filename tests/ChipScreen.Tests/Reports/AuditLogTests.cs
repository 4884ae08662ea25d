using ChipScreen.Reports;
using ChipScreen.Tests.Support;

namespace ChipScreen.Tests.Reports;

/// <summary><see cref="AuditLog.CheckWritable"/>: what a run checks before it screens.</summary>
public class AuditLogTests
{
    [Fact]
    public void ANewLog_IsCheckedWithoutLeavingAFile()
    {
        using var dir = new TempDir();
        var log = dir.File("logs/2026/audit-log.jsonl");
        AuditLog.CheckWritable(log);
        Assert.True(Directory.Exists(dir.File("logs/2026")));
        Assert.False(File.Exists(log));
    }

    [Fact]
    public void ALogAnotherRunIsAppendingTo_IsWaitedFor_NotReportedUnwritable()
    {
        using var dir = new TempDir();
        var log = dir.Write("audit-log.jsonl", "");
        var appending = new FileStream(log, FileMode.Open, FileAccess.ReadWrite, FileShare.None); // as AuditLog.Append holds it
        var released = Task.Run(async () =>
        {
            await Task.Delay(300);
            appending.Dispose();
        });
        AuditLog.CheckWritable(log);
        Assert.True(released.IsCompleted);
    }

    [Fact]
    public void ALogUnderAFile_CannotBeWritten()
    {
        using var dir = new TempDir();
        dir.Write("a-file", "");
        Assert.ThrowsAny<IOException>(() => AuditLog.CheckWritable(dir.File("a-file/audit-log.jsonl")));
    }
}
