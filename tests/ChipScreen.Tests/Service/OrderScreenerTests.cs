using ChipScreen.Orders;
using ChipScreen.Screening;
using ChipScreen.Service;
using ChipScreen.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChipScreen.Tests.Service;

public class OrderScreenerTests
{
    private static ServiceProvider Provider(Action<ChipScreenOptions>? more = null) =>
        new ServiceCollection().AddChipScreen(o =>
        {
            o.RulesDirectory = Repo.Rules;
            o.PackId = "ai-diffusion-2025";
            o.AsOf = Screen.AsOf;
            more?.Invoke(o);
        }).BuildServiceProvider();

    private static async IAsyncEnumerable<OrderLine> Stream(params OrderLine[] lines)
    {
        foreach (var line in lines)
        {
            await Task.Yield();
            yield return line;
        }
    }

    [Fact]
    public async Task OneLine_IsDecided_NamingThePackRevisionAndAsOf()
    {
        using var provider = Provider();
        var result = await provider.GetRequiredService<IOrderScreener>().ScreenAsync(Screen.Line("CN"));
        Assert.Equal(Decision.Prohibited, result.Decision);
        Assert.Equal(Screen.Pack.Revision, result.Pack.Revision);
        Assert.Equal("ai-diffusion-2025", result.Pack.Id);
        Assert.Equal(Screen.AsOf, result.AsOf);
        Assert.Empty(result.Issues);
    }

    [Fact]
    public async Task EveryResult_SaysWhenItsRulesChange_AndWhetherTheLineShipsOnOrAfterThatDay()
    {
        using var provider = Provider();
        var screener = provider.GetRequiredService<IOrderScreener>();
        var now = await screener.ScreenAsync(Screen.Line("DE"));
        var later = await screener.ScreenAsync(Screen.Line("DE") with { ShipDate = new DateOnly(2026, 2, 1) });
        Assert.Equal(new DateOnly(2026, 1, 15), now.RulesChangeOn); // ai-diffusion-2025 ends
        Assert.False(now.ShipsAfterRulesChange);
        Assert.Equal(new DateOnly(2026, 1, 15), later.RulesChangeOn);
        Assert.True(later.ShipsAfterRulesChange);
    }

    [Fact]
    public async Task BadData_IsHeld_WithIssuesNamingTheFields()
    {
        using var provider = Provider();
        var result = await provider.GetRequiredService<IOrderScreener>().ScreenAsync(Screen.Line("Narnia", quantity: -3));
        Assert.Equal(Decision.Hold, result.Decision);
        Assert.Equal([("quantity", "invalid"), ("destination_country", "unknown_country")], result.Issues.Select(i => (i.Field, i.Code)));
    }

    [Fact]
    public async Task TextAnOrderLineWasMadeWith_IsCheckedAsTextReadIs_OneAtATimeAndInABatch()
    {
        // An ERP that decoded Windows-1252 as UTF-8 hands over "M\uFFFDller"; one that ran fields together, 5,000 characters.
        var undecoded = Screen.Line("DE", endUser: "M\uFFFDller GmbH");
        var long_ = Screen.Line("DE", endUser: string.Concat(Enumerable.Repeat("Acme Trading ", 400)));
        using var provider = Provider();
        var screener = provider.GetRequiredService<IOrderScreener>();
        var results = new List<ScreeningResult> { await screener.ScreenAsync(undecoded), await screener.ScreenAsync(long_) };
        results.AddRange(await screener.ScreenBatchAsync(Stream(undecoded, long_, Screen.Line("DE"))).ToListAsync());
        Assert.Equal([Decision.Hold, Decision.Hold, Decision.Hold, Decision.Hold, Decision.LicenseException], results.Select(r => r.Decision));
        foreach (var r in new[] { results[0], results[2] })
            Assert.Equal("end_user 'M\uFFFDller GmbH' has bytes that are not UTF-8 (shown as \uFFFD): orders must be UTF-8 text", Assert.Single(r.Issues).Message);
        foreach (var r in new[] { results[1], results[3] })
        {
            Assert.Equal("end_user is 5,200 characters long; no order field needs more than 1,000 (only the first 1,000 are screened)", Assert.Single(r.Issues).Message);
            Assert.Equal(1_000, r.Line.Input.EndUser.Length); // cut
        }
    }

    [Fact]
    public async Task HalfASurrogatePair_IsHeldNamingTheField_AndNeverStopsTheBatch()
    {
        // An ERP field cut at a fixed length of UTF-16 units splits a character in two. Normalizing such a name threw
        // ArgumentException, which ended the whole batch after no result; an order id or end use with one went out NLR.
        var cut = new[]
        {
            Screen.Line("Ind\uD800ia"),
            Screen.Line("IN") with { EndUser = "Lake\uD800 Compute" },
            Screen.Line("IN") with { Consignee = "Acme\uD800" },
            Screen.Line("IN") with { EndUserHqCountry = "IN\uDC00" },
            Screen.Line("IN") with { OrderId = "SO\uD800" },
            Screen.Line("IN") with { EndUse = "training \uD83D" },
        };
        string[] fields = ["destination_country", "end_user", "consignee", "end_user_hq_country", "order_id", "end_use"];
        using var provider = Provider();
        var screener = provider.GetRequiredService<IOrderScreener>();
        var one = new List<ScreeningResult>();
        foreach (var line in cut)
            one.Add(await screener.ScreenAsync(line));
        var batch = await screener.ScreenBatchAsync(Stream([.. cut, Screen.Line("IN")])).ToListAsync();
        Assert.Equal(cut.Length + 1, batch.Count); // lines in = lines out
        foreach (var (r, field) in one.Zip(fields).Concat(batch.Zip(fields)))
        {
            Assert.True(r.Decision == Decision.Hold, $"{field}: {r.Decision}");
            Assert.Contains(r.Issues, i => i.Field == field && i.Code == "invalid" && i.Message.Contains("half of a surrogate pair", StringComparison.Ordinal));
        }
        Assert.Equal("LPP", batch[^1].Exception);
    }

    [Fact]
    public async Task AnOrderLineOnTwoRowsOfABatch_IsHeldOnBoth_WithTheDuplicateLineIssue()
    {
        // The batch path of the library and of POST /v1/screen/batch: an ERP keying results by (order id, line) must not
        // find an AIA under the line a China copy is PROHIBITED under, nor two AIAs it could pick between.
        using var provider = Provider();
        var batch = await provider.GetRequiredService<IOrderScreener>().ScreenBatchAsync(Stream(
            Screen.Line("DE", order: "SO-1", line: "1"), Screen.Line("FR", order: "SO-1", line: "01"), Screen.Line("DE", order: "SO-2", line: "1"))).ToListAsync();
        Assert.Equal(3, batch.Count);
        Assert.Equal([Decision.Hold, Decision.Hold, Decision.LicenseException], batch.Select(r => r.Decision));
        var issue = Assert.Single(batch[0].Issues);
        Assert.Equal(("duplicate_line", "line", "line 1 of order SO-1 is also on row 2 of this batch; an order line must be one row, so every copy is held"),
            (issue.Code, issue.Field, issue.Message));
        Assert.Equal("duplicate_line", Assert.Single(batch[1].Issues).Code);
        Assert.Empty(batch[2].Issues);
    }

    [Fact]
    public async Task AnOrderIdOfBlanks_IsMissing_AsInAFile()
    {
        using var provider = Provider();
        var result = await provider.GetRequiredService<IOrderScreener>().ScreenAsync(Screen.Line("IN") with { OrderId = "   " });
        Assert.Equal(Decision.Hold, result.Decision);
        Assert.Equal(["order_id is missing"], result.Issues.Select(i => i.Message));
    }

    [Fact]
    public async Task NullTextAnOrderLineWasMadeWith_IsHeldAsMissing_OneAtATimeAndInABatch()
    {
        // These threw NullReferenceException; the README promises a HOLD naming each field for bad order data.
        var nulls = Screen.Line("IN") with { OrderId = null!, EndUser = null!, DestinationCountry = null! };
        using var provider = Provider();
        var screener = provider.GetRequiredService<IOrderScreener>();
        var results = new List<ScreeningResult> { await screener.ScreenAsync(nulls) };
        results.AddRange(await screener.ScreenBatchAsync(Stream(nulls, Screen.Line("IN"))).ToListAsync());
        foreach (var r in results.Take(2))
        {
            Assert.Equal(Decision.Hold, r.Decision);
            Assert.Equal(["order_id is missing", "end_user is missing", "destination_country is missing"], r.Issues.Select(i => i.Message));
        }
        Assert.Equal("LPP", results[2].Exception);
    }

    [Fact]
    public async Task ANullLineNumberOrDefaultIssues_MeanNoneGiven_OneAtATimeAndInABatch()
    {
        // A null line is numbered by its position, as an empty one is; a default Issues array holds no problem.
        var line = Screen.Line("IN") with { Line = null!, Issues = default };
        using var provider = Provider();
        var screener = provider.GetRequiredService<IOrderScreener>();
        var one = await screener.ScreenAsync(line);
        var batch = await screener.ScreenBatchAsync(Stream(line, line)).ToListAsync();
        Assert.Equal(("1", "LPP"), (one.Line.Line, one.Exception));
        Assert.Equal([("1", "LPP"), ("2", "LPP")], batch.Select(r => (r.Line.Line, r.Exception)));
        Assert.All([one, .. batch], r => Assert.Empty(r.Issues));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("1.5")]
    public async Task ALineNumberThatIsNotAPositiveWholeNumber_IsHeld_AsInAFile(string number)
    {
        // A file holds such a line as it is read; a line made in code got LPP.
        var line = Screen.Line("IN", line: number);
        using var provider = Provider();
        var screener = provider.GetRequiredService<IOrderScreener>();
        var results = new List<ScreeningResult> { await screener.ScreenAsync(line) };
        results.AddRange(await screener.ScreenBatchAsync(Stream(line)).ToListAsync());
        Assert.All(results, r =>
        {
            Assert.Equal(Decision.Hold, r.Decision);
            Assert.Equal(("line", "invalid", $"line '{number}' is not a positive whole number"), (r.Issues.Single().Field, r.Issues.Single().Code, r.Issues.Single().Message));
        });
    }

    [Fact]
    public async Task ABatch_GivesOneResultPerLine_InInputOrder_AsTheFileScreenerDoes()
    {
        var lines = OrderCsvReader.Open(Path.Combine(Repo.Data, "conformance", "ai-diffusion-2025-orders.csv")).ReadLines().ToArray();
        using var provider = Provider();
        var results = await provider.GetRequiredService<IOrderScreener>().ScreenBatchAsync(Stream(lines)).ToListAsync();
        var expected = new BatchScreener(Screen.Pack).Screen(new OrderCsvFile(Path.Combine(Repo.Data, "conformance", "ai-diffusion-2025-orders.csv")), Screen.AsOf).ToList();
        Assert.Equal(expected.Select(d => (d.Row, d.OrderId, d.Line, d.Decision, d.Exception, d.RuleIds, d.Message)),
            results.Select(r => (r.Line.Row, r.Line.OrderId, r.Line.Line, r.Decision, r.Exception, r.Line.RuleIds, r.Line.Message)));
        Assert.All(results, r => Assert.Equal(Screen.Pack.Revision, r.Pack.Revision));
    }

    [Fact]
    public async Task ABatch_SettlesVolumesInShipDateOrder_NotArrivalOrder()
    {
        // 1,000 H100s are 15.8M TPP: two such lines to one consignee pass the 26.9M LPP limit together.
        var late = Screen.Line("IN", quantity: 1000, order: "LATE", shipDate: new DateOnly(2025, 9, 1));
        var early = Screen.Line("IN", quantity: 1000, order: "EARLY", shipDate: new DateOnly(2025, 3, 1));
        using var provider = Provider();
        var results = await provider.GetRequiredService<IOrderScreener>().ScreenBatchAsync(Stream(late, early)).ToListAsync();
        Assert.Equal(["LATE", "EARLY"], results.Select(r => r.Line.OrderId));
        Assert.Equal(Decision.LicenseRequired, results[0].Decision);
        Assert.Equal("LPP", results[1].Exception);

        // Screened one at a time, each starts from the baseline: both fit.
        var screener = provider.GetRequiredService<IOrderScreener>();
        Assert.Equal("LPP", (await screener.ScreenAsync(late)).Exception);
    }

    [Fact]
    public async Task ABatchOverTheLimit_ThrowsBeforeAnyResult()
    {
        using var provider = Provider(o => o.MaxBatchLines = 3);
        var screener = provider.GetRequiredService<IOrderScreener>();
        var e = await Assert.ThrowsAsync<BatchTooLargeException>(async () =>
        {
            await foreach (var result in screener.ScreenBatchAsync(Stream([.. Enumerable.Range(1, 4).Select(i => Screen.Line(order: $"SO-{i}"))])))
                Assert.Fail("no result may come before the batch is known to fit");
        });
        Assert.Equal(3, e.MaxLines);
        Assert.Equal(3, (await screener.ScreenBatchAsync(Stream([.. Enumerable.Range(1, 3).Select(i => Screen.Line(order: $"SO-{i}"))])).ToListAsync()).Count);
    }

    [Fact]
    public async Task ABatch_StoppedEarlyOrCancelled_StopsCleanly()
    {
        using var provider = Provider();
        var screener = provider.GetRequiredService<IOrderScreener>();
        var lines = Enumerable.Range(1, 5000).Select(i => Screen.Line(order: $"SO-{i}")).ToArray();
        await foreach (var result in screener.ScreenBatchAsync(Stream(lines)))
            if (result.Line.Row == 10)
                break;
        using var cancel = new CancellationTokenSource();
        var afterCancel = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var result in screener.ScreenBatchAsync(Stream(lines), cancel.Token))
            {
                if (cancel.IsCancellationRequested)
                    afterCancel++;
                if (result.Line.Row == 10)
                    await cancel.CancelAsync();
            }
        });
        Assert.Equal(0, afterCancel); // not the results already decided and waiting
        // A source that ignores the token is not read to its end once the call is cancelled.
        using var early = new CancellationTokenSource();
        var read = 0;
        async IAsyncEnumerable<OrderLine> Deaf()
        {
            foreach (var line in lines)
            {
                if (++read == 100)
                    await early.CancelAsync();
                await Task.Yield();
                yield return line;
            }
        }
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await screener.ScreenBatchAsync(Deaf(), early.Token).ToListAsync());
        Assert.Equal(100, read);
        Assert.Equal(5000, (await screener.ScreenBatchAsync(Stream(lines)).ToListAsync()).Count);
    }

    [Fact]
    public async Task Misuse_ThrowsArgumentExceptions()
    {
        using var provider = Provider();
        var screener = provider.GetRequiredService<IOrderScreener>();
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await screener.ScreenAsync(null!));
        await Assert.ThrowsAsync<ArgumentException>(async () => await screener.ScreenBatchAsync(Stream(Screen.Line(), null!)).ToListAsync());
    }
}
