using System.Buffers.Text;
using System.Text;
using ChipScreen.Orders;
using ChipScreen.Reports;
using ChipScreen.Screening;
using ChipScreen.Tests.Support;

namespace ChipScreen.Tests.Reports;

/// <summary>audit.jsonl's records and report.html's rows are written straight into UTF-8; they must be, byte for byte, what
/// <see cref="System.Text.Json.Utf8JsonWriter"/> writes (<see cref="AuditRecordReference"/>) and what a
/// <see cref="StringBuilder"/> made (<see cref="HtmlRowReference"/>): the same escaping, the same numbers.</summary>
public class RecordFormatTests
{
    public static TheoryData<string> Samples() => [.. Directory.GetFiles(Repo.Samples, "*.csv").Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(Samples))]
    public void EverySampleLine_IsWrittenAsBefore(string sample)
    {
        var lines = new BatchScreener(Screen.Pack).Screen(new OrderCsvFile(Path.Combine(Repo.Samples, sample)), Screen.AsOf).ToList();
        Assert.True(lines.Count >= 50);
        foreach (var d in lines)
        {
            Assert.Equal(Encoding.UTF8.GetString(AuditRecordReference.Format(d)), Encoding.UTF8.GetString(AuditRecordJson.Format(d)));
            Assert.Equal(Encoding.UTF8.GetString(HtmlRowReference.Format(d)), Encoding.UTF8.GetString(HtmlReport.FormatRowSpan(d)));
        }
    }

    [Theory]
    [InlineData("Plain Buyer Ltd")]
    [InlineData("Quote \" and back\\slash")]
    [InlineData("Tab\tnew\nline\u0001 and DEL \u007f")]
    [InlineData("Ünïcødé Société Générale")]
    [InlineData("华为技术有限公司")]
    [InlineData("Emoji 😀 and NBSP\u00a0 and \u2028 and BOM \ufeff")]
    [InlineData("<script>&'`+=</script>")]
    [InlineData("\u202EEvil Corp Ltd")]
    [InlineData("\u202A\u202B\u202C\u202D \u2066\u2067\u2068\u2069 & <b> \u200F\u061C")]
    [InlineData("N4\0")]
    [InlineData("\0\u0001\u0007\b\t\n\u000B\f\r\u001B\u001F \u007F ~\u0080 & < \u202E")]
    [InlineData("A long plain ASCII name, far more than thirty-two characters, then NUL\0 and more text after it")]
    [InlineData("")]
    public void AnyString_IsEscapedAsBefore(string text)
    {
        var line = Screen.Line(endUser: text, consignee: text, endUse: text, order: text, line: text) with
        {
            Raw = [text, text, "2025-06-01", null, "15832", "814", "true", null, "1", "DE", text, null, null, text, text],
        };
        foreach (var d in new[] { Screen.One(line), Screen.One(line with { Raw = null }) })
        {
            Assert.Equal(Encoding.UTF8.GetString(AuditRecordReference.Format(d)), Encoding.UTF8.GetString(AuditRecordJson.Format(d)));
            Assert.Equal(HtmlRowReference.Format(d), HtmlReport.FormatRowSpan(d).ToArray());
        }
    }

    [Fact]
    public void AnyDecimal_IsWrittenAsUtf8JsonWriterWritesIt()
    {
        decimal[] values =
        [
            0m, 1m, -1m, 0.0m, -0.0m, 2368.0m, 15832m, 0.000123m, 2.909091m, 3.1395m, 1234567.890m, -0.5m,
            decimal.MaxValue, decimal.MinValue, 79228162514264337593543950335m / 3, long.MaxValue, (decimal)long.MaxValue + 1, 1e-28m,
        ];
        var random = new Random(5);
        var all = values.Concat(Enumerable.Range(0, 5000).Select(_ => new decimal(random.Next(), random.Next(4) == 0 ? random.Next() : 0, 0, random.Next(2) == 0, (byte)random.Next(29))));
        var line = new JsonLine();
        foreach (var value in all)
        {
            line.Clear();
            line.Number(value);
            var expected = new byte[64];
            Utf8Formatter.TryFormat(value, expected, out var written);
            Assert.Equal(Encoding.ASCII.GetString(expected, 0, written), Encoding.ASCII.GetString(line.Written));
        }
    }

    [Fact]
    public void AnyDate_IsWrittenAsUtf8JsonWriterWritesIt()
    {
        var line = new JsonLine();
        foreach (var date in new[] { DateOnly.MinValue, DateOnly.MaxValue, new DateOnly(2025, 1, 9), new DateOnly(999, 12, 31) })
        {
            line.Clear();
            line.Date(date);
            Assert.Equal($"\"{date:yyyy-MM-dd}\"", Encoding.ASCII.GetString(line.Written));
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void AFormattedBatch_HoldsEachLinesRecords_SideBySide_InOrder(string sample)
    {
        var lines = new BatchScreener(Screen.Pack).Screen(new OrderCsvFile(Path.Combine(Repo.Samples, sample)), Screen.AsOf).ToArray();
        foreach (var listNlr in new[] { true, false })
        {
            var batch = FormattedBatch.Of(lines, listNlr);
            Assert.Equal(lines.Length, batch.Count);
            Assert.Equal(lines.SelectMany(DecisionsCsvWriter.Format).ToArray(), batch.Csv.ToArray());
            Assert.Equal(lines.SelectMany(AuditRecordJson.Format).ToArray(), batch.Audit.ToArray());
            var listed = lines.Where(d => listNlr || d.Decision != Decision.Nlr).ToArray();
            for (var section = 0; section < HtmlReport.SectionCount; section++)
            {
                var inSection = listed.Where(d => HtmlReport.SectionOf(d.Decision) == section).ToArray();
                Assert.Equal(inSection.Length, batch.HtmlRowCount(section));
                Assert.Equal(Encoding.UTF8.GetString(inSection.SelectMany(HtmlRowReference.Format).ToArray()), Encoding.UTF8.GetString(batch.HtmlRows(section)));
            }
            Assert.Equal(lines.Select(DecisionDigest.Of), batch.Digests.ToArray());
            batch.Release();
        }
        Assert.Contains(lines, d => d.Decision == Decision.Nlr);
        Assert.Contains(lines, d => HtmlReport.SectionOf(d.Decision) == 0);
    }

    [Fact]
    public void AFormattedBatch_HoldsItsRecords_UntilItIsReleased()
    {
        var d = Screen.One(Screen.Line());
        var formatted = FormattedBatch.Of([d], listNlr: true);
        Assert.Equal(AuditRecordJson.Format(d), formatted.Audit.ToArray());
        formatted.Release();
        Assert.Throws<InvalidOperationException>(() => formatted.Csv.Length);
        Assert.Throws<InvalidOperationException>(() => formatted.Digests.Length);
        // Its buffers serve the next run, which reads back its own records only.
        var next = FormattedBatch.Of([Screen.One(Screen.Line(destination: "JP", endUser: "Other Buyer KK"))], listNlr: true);
        Assert.Equal(1, next.Count);
        Assert.Contains("Other Buyer KK", Encoding.UTF8.GetString(next.Audit));
        Assert.DoesNotContain("Test Buyer GmbH", Encoding.UTF8.GetString(next.Audit));
        next.Release();
    }
}
