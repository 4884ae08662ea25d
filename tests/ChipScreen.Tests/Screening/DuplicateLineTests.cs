using System.Text.Json;
using ChipScreen.Orders;
using ChipScreen.Runs;
using ChipScreen.Screening;
using ChipScreen.Tests.Support;
using static ChipScreen.Tests.Support.Screen;

namespace ChipScreen.Tests.Screening;

/// <summary>An order line on more than one row of a batch (the same order id and line number, "01" being "1") is held on
/// every row, naming the field and the other rows, and adds to no volume: two decisions under one (order id, line) let an
/// ERP keying by it take the milder.</summary>
public class DuplicateLineTests
{
    private static OrderLine Row(string order, string line, string destination = "DE", int quantity = 1, string endUser = "Test Buyer GmbH") =>
        Line(destination, order: order, line: line, quantity: quantity, endUser: endUser);

    [Fact]
    public void BothCopiesOfALine_AreHeld_NamingTheFieldAndTheOtherRow()
    {
        // Alone, each copy is AIA (Germany) or PROHIBITED (China): an ERP taking the AIA one would ship to China.
        var d = Batch(Row("SO-1", "1", "DE"), Row("SO-2", "1", "DE"), Row("SO-1", "1", "CN"));
        Assert.Equal(3, d.Count);
        Assert.Equal([Decision.Hold, Decision.LicenseException, Decision.Prohibited], d.Select(x => x.Decision));
        Assert.Null(d[0].Exception);
        Assert.Contains("D1", d[0].RuleIds.Split(';'));
        Assert.Contains("row 1: line 1 of order SO-1 is also on row 3 of this batch; an order line must be one row", d[0].Message);
        Assert.Contains("row 3: line 1 of order SO-1 is also on row 1 of this batch", d[2].Message);
        Assert.Equal(["line 1 of order SO-1 is also on row 3 of this batch; an order line must be one row, so every copy is held"], d[0].Facts.DataIssues.ToArray());
        Assert.Empty(d[1].Facts.DataIssues);
    }

    [Fact]
    public void CopiesThatWouldBothClear_AreBothHeld()
    {
        var d = Batch(Row("SO-1", "1", "DE"), Row("SO-1", "1", "FR"));
        Assert.All(d, x => Assert.Equal(Decision.Hold, x.Decision));
    }

    [Fact]
    public void PaddedAndUnpaddedNumbers_AreOneLine()
    {
        var d = Batch(Row("SO-1", "01", "DE"), Row("SO-1", "1", "DE"), Row("SO-1", "10", "DE"), Row("SO-1", "001", "US"));
        Assert.Equal([Decision.Hold, Decision.Hold, Decision.LicenseException, Decision.Hold], d.Select(x => x.Decision));
        Assert.Contains("line 01 of order SO-1 (read as line 1: a number is one line however it is written) is also on rows 2 and 4 of this batch", d[0].Message);
        Assert.Contains("line 1 of order SO-1 is also on rows 1 and 4 of this batch", d[1].Message);
        Assert.Equal(["01", "1", "10", "001"], d.Select(x => x.Line)); // decisions keep the line as written
    }

    [Fact]
    public void ALineWrittenAsTheSameNumberAnotherWay_IsACopyToo()
    {
        // "1.0", "+1", an Arabic-Indic or a full-width one: each is held as no line number ChipScreen reads, and an ERP
        // reading it as 1 must not find the row that gives "1" cleared.
        string[] written = ["1.0", "+1", "\u0661", "\uFF11", "+01.00"];
        var rows = written.SelectMany((w, i) => new[] { Row($"SO-{i}", w), Row($"SO-{i}", "1") }).Append(Row("SO-9", "1.5")).Append(Row("SO-9", "1")).ToArray();
        var d = Batch(rows);
        Assert.All(d.Take(2 * written.Length), x => Assert.Equal(Decision.Hold, x.Decision));
        for (var i = 0; i < written.Length; i++)
        {
            Assert.Contains($"line {written[i]} of order SO-{i} (read as line 1: a number is one line however it is written) is also on row {2 * i + 2} of this batch", d[2 * i].Message);
            Assert.Contains($"line 1 of order SO-{i} is also on row {2 * i + 1} of this batch", d[2 * i + 1].Message);
        }
        // "1.5" is no whole number: held for itself only, and the row giving "1" is not its copy.
        Assert.Equal(Decision.Hold, d[^2].Decision);
        Assert.DoesNotContain("is also on", d[^2].Message, StringComparison.Ordinal);
        Assert.Equal(Decision.LicenseException, d[^1].Decision);
    }

    [Fact]
    public void ATriple_HoldsAllThree_EachNamingTheOtherTwo()
    {
        var d = Batch(Row("SO-7", "3"), Row("SO-8", "3"), Row("SO-7", "3"), Row("SO-9", "3"), Row("SO-7", "3"));
        Assert.Equal([Decision.Hold, Decision.LicenseException, Decision.Hold, Decision.LicenseException, Decision.Hold], d.Select(x => x.Decision));
        Assert.Contains("line 3 of order SO-7 is also on rows 3 and 5 of this batch", d[0].Message);
        Assert.Contains("line 3 of order SO-7 is also on rows 1 and 5 of this batch", d[2].Message);
        Assert.Contains("line 3 of order SO-7 is also on rows 1 and 3 of this batch", d[4].Message);
    }

    [Fact]
    public void ALineOnManyRows_NamesTenOthers_AndCountsTheRest()
    {
        var d = Batch([.. Enumerable.Range(0, 14).Select(_ => Row("SO-1", "1"))]);
        Assert.All(d, x => Assert.Equal(Decision.Hold, x.Decision));
        Assert.Contains("line 1 of order SO-1 is also on rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 3 more of this batch", d[0].Message);
    }

    [Fact]
    public void OtherOrders_OtherLines_AndRowsWithoutAnOrderId_AreNotCopies()
    {
        var d = Batch(Row("SO-1", "1"), Row("SO-2", "1"), Row("so-1", "1"), Row("SO-1", "2"), Row("", "1"), Row("", "1"));
        Assert.Equal(6, d.Count);
        Assert.All(d.Take(4), x => Assert.Equal(Decision.LicenseException, x.Decision));
        // Held for the missing order id, not as copies of each other.
        Assert.All(d.Skip(4), x => Assert.Equal(["order_id is missing"], x.Facts.DataIssues.ToArray()));
    }

    [Fact]
    public void HeldCopies_AddToNoVolume()
    {
        // TPP 10,000 x 2,000 = 20,000,000 a line, to India (Tier 2, LPP up to 26,900,000 per consignee and year). Counted,
        // the two copies would use 40,000,000 and take the next line past the limit.
        OrderLine Lpp(string order, string line) =>
            Line("IN", tpp: 10_000, die: 1000, quantity: 2000, endUser: "Lake Compute Ltd", order: order, line: line);
        var source = new OrderLines([Lpp("SO-1", "1"), Lpp("SO-1", "01"), Lpp("SO-2", "1")]);
        var screener = new BatchScreener(Pack);
        var plan = screener.Plan(source, AsOf, Volumes.EmptyVolumeBaseline.Instance);
        var d = screener.Decide(source, AsOf, plan).ToList();
        Assert.Equal([Decision.Hold, Decision.Hold, Decision.LicenseException], d.Select(x => x.Decision));
        Assert.Empty(d[0].Facts.Volume.Consumed);
        Assert.Empty(d[1].Facts.Volume.Consumed);
        Assert.Equal(0m, d[2].Facts.Volume.ConsigneeYearBefore);
        Assert.Equal("LPP", d[2].Exception);
        var total = Assert.Single(plan.Volumes.ConsigneeTotals);
        Assert.Equal(20_000_000m, total.After);
    }

    [Fact]
    public void ARowWithoutALine_WhosePositionIsAnotherRowsLine_IsHeldWithIt()
    {
        // The second row of SO-1 takes line 2 (its position), which decisions.csv gives it: the same (order, line) as the
        // first row's given 2. Both held. Two rows without a line never collide (their positions differ).
        var d = Batch(Row("SO-1", "2"), Row("SO-1", ""), Row("SO-1", ""), Row("SO-2", ""), Row("SO-2", ""));
        Assert.Equal(["2", "2", "3", "1", "2"], d.Select(x => x.Line));
        Assert.Equal([Decision.Hold, Decision.Hold, Decision.LicenseException, Decision.LicenseException, Decision.LicenseException], d.Select(x => x.Decision));
        Assert.Contains("line 2 of order SO-1 is also on row 2 (no line given: its position in the order) of this batch", d[0].Message);
        Assert.Contains("line is not given, so this row takes line 2 of order SO-1 (its position in the order), which is also on row 1 of this batch", d[1].Message);
    }

    [Fact]
    public void TheLibraryGivesTheIssueItsCodeAndField()
    {
        var d = Batch(Row("SO-1", "1"), Row("SO-1", "1"));
        var issue = Assert.Single(d[0].Input.Issues);
        Assert.Equal((IssueCodes.DuplicateLine, "line"), (issue.Code, issue.Field));
    }

    [Fact]
    public void TheKeyOfALine_IsTheSameInEveryProcess_AndPaddingFree()
    {
        Assert.Equal(LineKey.Of("SO-1", "1"), LineKey.Of("SO-1", "0001"));
        Assert.Equal(LineKey.Of("SO-1", "12"), LineKey.Of("SO-1", 12));
        Assert.NotEqual(LineKey.Of("SO-1", "1"), LineKey.Of("SO-11", ""));
        Assert.NotEqual(LineKey.Of("SO-1", "1"), LineKey.Of("SO-", "11"));
        // Pinned: a key that changed between processes (string.GetHashCode is seeded per process) would still pass the
        // lines above but not this.
        Assert.Equal(17506979948237773438UL, LineKey.Of("SO-1", "1"));
    }

    [Fact]
    public void TheTable_GrowsPastItsFirstSize_AndStillFindsEveryCopy()
    {
        using var finder = new DuplicateLineFinder();
        for (var row = 1; row <= 100_000; row++)
            finder.Add(row, LineKey.Of($"SO-{row}", "1"), given: true);
        finder.Add(100_001, LineKey.Of("SO-5", "01"), given: true);
        finder.Add(100_002, LineKey.Of("SO-99999", 1), given: false);
        var found = finder.Result();
        Assert.Equal([5L, 99_999L, 100_001L, 100_002L], found.HeldRows);
    }

    [Fact]
    public void TheTablesMemory_IsZeroed_AndOnLinuxMappedAndGivenBackToTheSystem()
    {
        const int Bytes = 4 << 20;
        var (block, mapped) = PageMemory.Allocate(Bytes);
        Assert.Equal(OperatingSystem.IsLinux(), mapped);
        var copy = new byte[Bytes];
        System.Runtime.InteropServices.Marshal.Copy(block, copy, 0, Bytes);
        Assert.False(copy.AsSpan().ContainsAnyExcept((byte)0));
        copy.AsSpan().Fill(0xAB);
        System.Runtime.InteropServices.Marshal.Copy(copy, 0, block, Bytes); // every page touched: resident
        var resident = Environment.WorkingSet;
        PageMemory.Free(block, Bytes, mapped);
        if (mapped)
            Assert.True(Environment.WorkingSet < resident - Bytes / 2, "4 MB unmapped is no longer resident"); // not kept by the allocator
        PageMemory.Free(0, Bytes, mapped); // nothing to give back
    }

    [Fact]
    public void AFileWithACopiedLine_HoldsBothInDecisionsAndAudit_ByteIdenticallyEachRun()
    {
        using var dir = new TempDir();
        var orders = dir.Write("orders.csv", "order_id,line,ship_date,sku,quantity,destination_country,end_user\n" +
            "SO-1,1,2025-07-02,H100-SXM5-80GB,8,Germany,Nordlicht Rechenzentrum GmbH\n" +
            "SO-2,1,2025-07-02,H100-SXM5-80GB,8,France,Paris Calcul SA\n" +
            "SO-1,01,2025-07-02,H100-SXM5-80GB,8,Germany,Beijing Compute Co\n");
        string Run(string name)
        {
            var screening = new FileScreening(TimeProvider.System);
            var request = new RunRequest(orders, Repo.Rules, null, new DateOnly(2025, 9, 30), dir.File(name));
            screening.Run(request, screening.LoadPack(request));
            return dir.File(name);
        }
        var first = Run("one");
        var decisions = File.ReadAllLines(Path.Combine(first, FileScreening.DecisionsFile));
        Assert.Equal(4, decisions.Length); // header + 3 rows: lines in = lines out
        Assert.StartsWith("SO-1,1,HOLD,,3A090.a,1,DE,D1;A2,", decisions[1]);
        Assert.Contains("row 1 (line 2): line 1 of order SO-1 is also on row 3 of this batch; an order line must be one row", decisions[1]);
        Assert.StartsWith("SO-2,1,LICENSE_EXCEPTION,AIA,", decisions[2]);
        Assert.StartsWith("SO-1,01,HOLD,,3A090.a,1,DE,D1;A2,", decisions[3]);
        Assert.Contains("row 3 (line 4): line 01 of order SO-1 (read as line 1: a number is one line however it is written) is also on row 1 of this batch", decisions[3]);

        var audit = File.ReadAllLines(Path.Combine(first, FileScreening.AuditFile));
        Assert.Equal(3, audit.Length);
        using var record = JsonDocument.Parse(audit[2]);
        var root = record.RootElement;
        Assert.Equal("HOLD", root.GetProperty("decision").GetString());
        Assert.Equal("01", root.GetProperty("input").GetProperty("line").GetString());
        Assert.Equal("line 01 of order SO-1 (read as line 1: a number is one line however it is written) is also on row 1 of this batch; an order line must be one row, so every copy is held",
            Assert.Single(root.GetProperty("facts").GetProperty("data_issues").EnumerateArray()).GetString());
        Assert.Empty(root.GetProperty("facts").GetProperty("volume").GetProperty("consumed").EnumerateArray());
        var d1 = root.GetProperty("rules").EnumerateArray().First(r => r.GetProperty("id").GetString() == "D1");
        Assert.Contains("is also on row 1 of this batch", d1.GetProperty("message").GetString());

        var second = Run("two");
        foreach (var file in new[] { FileScreening.DecisionsFile, FileScreening.AuditFile })
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, file)), File.ReadAllBytes(Path.Combine(second, file)));
    }
}
