using ChipScreen.Ledger;

namespace ChipScreen.Tests.Ledger;

public class LedgerOptionsTests
{
    [Fact]
    public void Defaults_AreUsable()
    {
        var options = new LedgerOptions("ledger.db");
        Assert.Equal(8, options.CommitAttempts);
        Assert.Equal(TimeSpan.FromMinutes(5), options.LockTimeout);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Validate_ReportsEveryProblemNamingTheOptionAndItsRange()
    {
        var problems = new LedgerOptions(" ") { CommitAttempts = 0, LockTimeout = TimeSpan.FromHours(2) }.Validate();
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Location:", StringComparison.Ordinal));
        Assert.Contains("CommitAttempts: 0 is outside 1..100", problems);
        Assert.Contains("LockTimeout: 02:00:00 is outside 00:00:01..01:00:00", problems);
    }

    [Fact]
    public void OpeningWithOptionsOutOfRange_IsAnArgumentError() =>
        Assert.Throws<ArgumentException>(() => VolumeLedger.Open(new LedgerOptions("x.db") { CommitAttempts = 1000 }, TimeProvider.System, write: false));
}
