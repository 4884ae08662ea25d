using System.Text.Json;
using ChipScreen.Runs;
using ChipScreen.Tests.Support;

namespace ChipScreen.Tests.Reports;

/// <summary>report.html, opened in a real browser (Debian's headless Chromium).</summary>
public class HtmlReportTests
{
    [Fact]
    public async Task ReportHtml_RendersWithoutConsoleErrors_AndShowsTheCountsOfReportJson()
    {
        using var dir = new TempDir();
        await using var chromium = await HeadlessChromium.StartAsync();
        await chromium.NavigateAsync(ScreenSample(dir));

        Assert.Empty(chromium.Errors);
        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("out/report.json")));
        var expected = json.RootElement.GetProperty("counts").GetProperty("by_decision").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
        var shown = await chromium.EvaluateAsync("Object.fromEntries([...document.querySelectorAll('[data-decision-count]')].map(e => [e.dataset.decisionCount, Number(e.textContent)]))");
        Assert.Equal(expected, shown!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<long>()));
        Assert.Equal(json.RootElement.GetProperty("counts").GetProperty("lines").GetInt64(), (long)(await chromium.EvaluateAsync("Number(document.querySelector('[data-total-count]').textContent)"))!.GetValue<double>());
        var partyCounts = await chromium.EvaluateAsync("Object.fromEntries([...document.querySelectorAll('[data-party-count]')].map(e => [e.dataset.partyCount, Number(e.textContent)]))");
        Assert.Equal(json.RootElement.GetProperty("counts").GetProperty("lines_by_party_verdict").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64()),
            partyCounts!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<long>()));

        // The chart by chip class counts what report.json's by_eccn does, lines whose class is unknown apart from those
        // outside 3A090/4A090: the sample's unknown SKU, missing TPP and missing die area.
        var byEccn = json.RootElement.GetProperty("counts").GetProperty("by_eccn");
        Assert.Equal([("HOLD", 3L)], byEccn.GetProperty("unknown").EnumerateObject().Select(d => (d.Name, d.Value.GetInt64())));
        Assert.Equal(1, byEccn.GetProperty("none").GetProperty("HOLD").GetInt64());
        // A destination that is not known is "unknown" in every count, as by_tier and the page call it.
        Assert.Equal(json.RootElement.GetProperty("counts").GetProperty("by_tier").GetProperty("unknown").GetInt64(),
            json.RootElement.GetProperty("counts").GetProperty("by_destination").GetProperty("unknown").EnumerateObject().Sum(d => d.Value.GetInt64()));
        var charted = (await chromium.EvaluateAsync("[...document.querySelectorAll('#chart-class rect title')].map(t => t.textContent)"))!.AsArray()
            .Select(n => System.Text.RegularExpressions.Regex.Match(n!.GetValue<string>(), "^(.+): ([0-9,]+) ([A-Z_]+)$"))
            .Select(m => (Class: m.Groups[1].Value, Decision: m.Groups[3].Value, Lines: long.Parse(m.Groups[2].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture)));
        var recorded = byEccn.EnumerateObject().SelectMany(e => e.Value.EnumerateObject()
            .Select(d => (Class: ChipScreen.Reports.HtmlReport.ClassLabel(e.Name == "none" ? "" : e.Name), Decision: d.Name, Lines: d.Value.GetInt64())));
        Assert.Equal(recorded.Order(), charted.Order());
        Assert.Contains(("class unknown", "HOLD", 3L), charted);

        // The sections are in reading order, on the screen and in the document.
        Assert.Equal(ReadingOrder, await SectionsAsync(chromium, "top"));
        Assert.Equal(ReadingOrder, await SectionsAsync(chromium, "document"));
        Assert.Equal(0, (await chromium.EvaluateAsync("document.querySelectorAll('main > .part').length"))!.GetValue<double>()); // gathered
        // Each part of rows sits whole in its section, and is laid out only when on the screen (a large page opens fast).
        Assert.Equal("true auto", (await chromium.EvaluateAsync("""
            [...document.querySelectorAll('div.part')].every(p => p.parentElement.id === p.dataset.section) + ' ' + getComputedStyle(document.querySelector('div.part')).contentVisibility
            """))!.GetValue<string>());

        // Every line is listed (a small batch), PROHIBITED and HOLD first.
        var decisions = (await chromium.EvaluateAsync("[...document.querySelectorAll('table.lines tbody tr')].map(r => r.dataset.decision)"))!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Equal(expected.Values.Sum(), decisions.Count);
        var firstOther = decisions.FindIndex(d => d is not ("PROHIBITED" or "HOLD"));
        Assert.Equal(expected["PROHIBITED"] + expected["HOLD"], firstOther);

        // The search filters the table.
        var visible = await chromium.EvaluateAsync("""
            (() => { const s = document.getElementById('search'); s.value = 'Johor Hyperscale'; s.dispatchEvent(new Event('input'));
                     return [...document.querySelectorAll('table.lines tbody tr')].filter(r => r.style.display !== 'none').length; })()
            """);
        Assert.Equal(4, (int)visible!.GetValue<double>()); // the four lines of SO-250711..13
        Assert.Empty(chromium.Errors);
    }

    /// <summary>Types <paramref name="query"/> into the search; returns each row shown as "destination|SKU|text".</summary>
    private static async Task<List<string>> SearchAsync(HeadlessChromium chromium, string query) =>
        (await chromium.EvaluateAsync($$"""
            (() => { const s = document.getElementById('search'); s.value = {{JsonSerializer.Serialize(query)}}; s.dispatchEvent(new Event('input'));
                     return [...document.querySelectorAll('table.lines tbody tr')].filter(r => r.style.display !== 'none')
                       .map(r => r.cells[5].textContent + '|' + r.cells[2].textContent + '|' + r.textContent); })()
            """))!.AsArray().Select(n => n!.GetValue<string>()).ToList();

    [Fact]
    public async Task TheSearch_FindsALineBySkuAndByCountryName_ButNeverAcrossTwoCells()
    {
        using var dir = new TempDir();
        await using var chromium = await HeadlessChromium.StartAsync();
        await chromium.NavigateAsync(ScreenSample(dir));
        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("out/report.json")));
        var toChina = json.RootElement.GetProperty("counts").GetProperty("by_destination").GetProperty("CN").EnumerateObject().Sum(d => d.Value.GetInt64());
        Assert.True(toChina >= 10);

        // A country's name finds the lines to it (the row shows its code), whatever else they say.
        var china = await SearchAsync(chromium, "China");
        Assert.Equal(toChina, china.Count(r => r.StartsWith("CN|", StringComparison.Ordinal)));
        Assert.All(china, r => Assert.True(r.StartsWith("CN|", StringComparison.Ordinal) || r.Contains("china", StringComparison.OrdinalIgnoreCase), r));
        Assert.Contains(await SearchAsync(chromium, "korea"), r => r.StartsWith("KR|", StringComparison.Ordinal)); // a word of "South Korea"
        // Its other names, written whole: "PRC" for China, "UK" for the United Kingdom, "Turkey" for Türkiye.
        Assert.Equal(toChina, (await SearchAsync(chromium, "PRC")).Count(r => r.StartsWith("CN|", StringComparison.Ordinal)));
        Assert.Contains(await SearchAsync(chromium, "uk"), r => r.StartsWith("GB|", StringComparison.Ordinal));
        Assert.Contains(await SearchAsync(chromium, "Turkey"), r => r.StartsWith("TR|", StringComparison.Ordinal));
        // An other name matches only whole: "tur" is no alias, and no official name has a word starting with it but Türkiye's.
        Assert.DoesNotContain(await SearchAsync(chromium, "prc lines"), r => r.StartsWith("CN|", StringComparison.Ordinal));
        // The SKU has a column of its own, and is searched.
        var h100 = await SearchAsync(chromium, "h100");
        Assert.NotEmpty(h100);
        Assert.All(h100, r => Assert.Contains("H100", r.Split('|')[1], StringComparison.OrdinalIgnoreCase));
        Assert.Equal("SKU", (await chromium.EvaluateAsync("document.querySelector('#denied thead th:nth-child(3)').textContent"))!.GetValue<string>());
        // Destination CN then tier 3 are two cells: "cn3" is in neither.
        Assert.NotEmpty(await SearchAsync(chromium, "cn"));
        Assert.Empty(await SearchAsync(chromium, "cn3"));
        Assert.Empty(chromium.Errors);
    }

    [Fact]
    public async Task Filtering_HidesAPartWithNoLineShown_AndLeavesNoBlankSpace()
    {
        // Over the NLR listing limit: the page lists the non-NLR lines in several parts and has no NLR box.
        using var dir = new TempDir();
        var csv = new System.Text.StringBuilder("order_id,line,sku,quantity,destination_country,end_user\n");
        for (var i = 0; i <= ChipScreen.Reports.HtmlReport.NlrListLimit; i++)
            csv.Append($"SO-{i},1,H100-SXM5-80GB,1,CN,{(i == ChipScreen.Reports.HtmlReport.NlrListLimit ? "Needle Ltd" : "Buyer " + i % 10)}\n");
        var request = new RunRequest(dir.Write("big.csv", csv.ToString()), Repo.Rules, null, new DateOnly(2025, 9, 30), dir.File("out"));
        var screening = new FileScreening(TimeProvider.System);
        screening.Run(request, screening.LoadPack(request));
        await using var chromium = await HeadlessChromium.StartAsync();
        await chromium.NavigateAsync(new Uri(dir.File("out/report.html")).AbsoluteUri);
        Assert.True((await chromium.EvaluateAsync("document.querySelectorAll('div.part').length"))!.GetValue<double>() >= 2);

        Assert.Single(await SearchAsync(chromium, "needle"));
        Assert.Equal("1 line shown", (await chromium.EvaluateAsync("document.getElementById('shown').textContent"))!.GetValue<string>());
        // NLR lines are summarised, not listed: no box offers to show them.
        Assert.Equal("HOLD LICENSE_EXCEPTION LICENSE_REQUIRED PROHIBITED", (await chromium.EvaluateAsync("[...document.querySelectorAll('input.show')].map(b => b.value).sort().join(' ')"))!.GetValue<string>());
        // Every part without a row shown is hidden, and what is left of the section is about one row high.
        Assert.True((await chromium.EvaluateAsync("""
            [...document.querySelectorAll('div.part')].every(p => (getComputedStyle(p).display === 'none') === ![...p.querySelectorAll('tbody tr')].some(r => r.style.display !== 'none'))
            """))!.GetValue<bool>());
        var height = (await chromium.EvaluateAsync("[...document.querySelectorAll('section.rows')].reduce((h, s) => h + s.getBoundingClientRect().height, 0)"))!.GetValue<double>();
        Assert.InRange(height, 1, 1000);
        // A part laid out before (scrolled through) forgets the height of all its rows: each part is about as high as the
        // rows it shows, laid out or not.
        await chromium.EvaluateAsync("window.scrollTo(0, document.body.scrollHeight)");
        await Task.Delay(300);
        await chromium.EvaluateAsync("window.scrollTo(0, 0)");
        Assert.Equal(500, (await SearchAsync(chromium, "buyer 3")).Count);
        await Task.Delay(300);
        var perRow = (await chromium.EvaluateAsync("""
            Math.max(...[...document.querySelectorAll('div.part')].map(p => p.getBoundingClientRect().height / [...p.querySelectorAll('tbody tr')].filter(r => r.style.display !== 'none').length))
            """))!.GetValue<double>();
        Assert.InRange(perRow, 20, 200);
        Assert.Equal(ChipScreen.Reports.HtmlReport.NlrListLimit + 1, (await SearchAsync(chromium, "")).Count);
        Assert.Empty(chromium.Errors);
    }

    [Fact]
    public async Task MarkupInAnOrderFile_IsShownAsText_NeverRunOrRenderedAsMarkup()
    {
        // Cells escape only < and & (all that element content needs): this checks that is enough in a real browser.
        const string hostile = "<img src=x onerror=\"document.title='pwned'\">Tom & Jerry's \"Co\" <b>x</b> > 1 &amp;";
        using var dir = new TempDir();
        var orders = dir.Write("orders.csv", $$"""
            order_id,line,ship_date,sku,quantity,destination_country,end_user,end_use
            "<script>document.title='pwned'</script>",1,2025-07-02,H100-SXM5-80GB,1,Germany,"{{hostile.Replace("\"", "\"\"", StringComparison.Ordinal)}}",AI training
            SO-2,1,2025-07-02,NO-SUCH-SKU,1,Germany,"{{hostile.Replace("\"", "\"\"", StringComparison.Ordinal)}}",AI training
            """);
        var request = new RunRequest(orders, Repo.Rules, null, new DateOnly(2025, 9, 30), dir.File("out"));
        var screening = new FileScreening(TimeProvider.System);
        screening.Run(request, screening.LoadPack(request));
        await using var chromium = await HeadlessChromium.StartAsync();
        await chromium.NavigateAsync(new Uri(dir.File("out/report.html")).AbsoluteUri);

        Assert.Empty(chromium.Errors);
        Assert.DoesNotContain("pwned", (await chromium.EvaluateAsync("document.title"))!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, (await chromium.EvaluateAsync("document.querySelectorAll('table.lines img, table.lines script, table.lines td > b:not([class])').length"))!.GetValue<double>());
        var cells = (await chromium.EvaluateAsync("[...document.querySelectorAll('table.lines tbody tr')].map(r => [r.cells[0].textContent, r.cells[7].textContent])"))!.AsArray()
            .Select(c => (Order: c![0]!.GetValue<string>(), User: c[1]!.GetValue<string>())).ToList();
        Assert.Equal(2, cells.Count);
        Assert.All(cells, c => Assert.Equal(hostile, c.User));
        Assert.Contains(cells, c => c.Order == "<script>document.title='pwned'</script>");
    }

    /// <summary>Screens the Q3 distributor sample into <paramref name="dir"/>; returns its report.html's address.</summary>
    private static string ScreenSample(TempDir dir)
    {
        var request = new RunRequest(Path.Combine(Repo.Samples, "distributor-q3-2025.csv"), Repo.Rules, null, new DateOnly(2025, 9, 30), dir.File("out"));
        var screening = new FileScreening(TimeProvider.System);
        screening.Run(request, screening.LoadPack(request));
        return new Uri(dir.File("out/report.html")).AbsoluteUri;
    }

    private static readonly string[] ReadingOrder = ["provenance", "summary", "charts", "lines", "denied", "licensed", "cleared"];

    /// <summary>The ids of the page's sections, in document order or by where they show on the screen.</summary>
    private static async Task<string[]> SectionsAsync(HeadlessChromium chromium, string by) =>
        (await chromium.EvaluateAsync(by == "top"
            ? "[...document.querySelectorAll('main > section')].sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top).map(s => s.id)"
            : "[...document.querySelectorAll('main > section')].map(s => s.id)"))!.AsArray().Select(n => n!.GetValue<string>()).ToArray();

    [Fact]
    public async Task ReportHtml_WithoutItsScript_StillShowsTheSectionsInReadingOrder()
    {
        using var dir = new TempDir();
        await using var chromium = await HeadlessChromium.StartAsync();
        await chromium.DisableScriptsAsync();
        await chromium.NavigateAsync(ScreenSample(dir));

        // The file holds the rows first, in parts, and the provenance and counts last (the page is written as the batch
        // streams); the style shows them in reading order, each part under its section.
        Assert.NotEqual(ReadingOrder, await SectionsAsync(chromium, "document"));
        Assert.True((long)(await chromium.EvaluateAsync("document.querySelectorAll('main > .part').length"))!.GetValue<double>() >= 3);
        // Without script every part is laid out, so that a row's place on the screen is known however it is asked.
        Assert.Equal("visible", (await chromium.EvaluateAsync("getComputedStyle(document.querySelector('div.part')).contentVisibility"))!.GetValue<string>());
        Assert.Equal(ReadingOrder, await SectionsAsync(chromium, "top"));
        var shown = (await chromium.EvaluateAsync("""
            [...document.querySelectorAll('table.lines tbody tr')].sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
              .map(r => r.closest('.part').dataset.section + ' ' + r.dataset.decision)
            """))!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Equal(60, shown.Count);
        Assert.Equal(shown.OrderBy(r => r.StartsWith("denied", StringComparison.Ordinal) ? 0 : r.StartsWith("licensed", StringComparison.Ordinal) ? 1 : 2).ToList(), shown);
        Assert.All(shown.TakeWhile(r => r.StartsWith("denied", StringComparison.Ordinal)), r => Assert.Matches("PROHIBITED|HOLD", r));
        Assert.Empty(chromium.Errors);
    }

    [Fact]
    public async Task ASectionWithoutLines_SaysSo_WithAndWithoutScript()
    {
        using var dir = new TempDir();
        var orders = dir.Write("one.csv", "order_id,line,sku,quantity,destination_country,end_user\nSO-1,1,H100-SXM5-80GB,1,DE,Buyer GmbH\n");
        var request = new RunRequest(orders, Repo.Rules, null, new DateOnly(2025, 9, 30), dir.File("out"));
        var screening = new FileScreening(TimeProvider.System);
        var summary = screening.Run(request, screening.LoadPack(request)).Summary;
        Assert.Equal(0, summary.Count(ChipScreen.Screening.Decision.Prohibited) + summary.Count(ChipScreen.Screening.Decision.Hold));
        foreach (var scripts in new[] { true, false })
        {
            await using var chromium = await HeadlessChromium.StartAsync();
            if (!scripts)
                await chromium.DisableScriptsAsync();
            await chromium.NavigateAsync(new Uri(dir.File("out/report.html")).AbsoluteUri);
            // Shown right under the section's heading: inside it once gathered, or the next thing on the screen without script.
            var note = await chromium.EvaluateAsync("""
                (() => { const h = document.querySelector('#denied h2').getBoundingClientRect();
                         const n = document.querySelector('.none[data-section="denied"]');
                         return n.textContent + ' ' + (n.getBoundingClientRect().top >= h.bottom
                           && [...document.querySelectorAll('main > section')].filter(s => s.id !== 'denied').every(s => s.getBoundingClientRect().top < h.top || s.getBoundingClientRect().top > n.getBoundingClientRect().top)); })()
                """);
            Assert.Equal("None. true", note!.GetValue<string>());
            Assert.Empty(chromium.Errors);
        }
    }

    [Fact]
    public void LargeBatch_ListsEveryLineThatIsNotNlr_AndSummarisesNlr()
    {
        using var dir = new TempDir();
        var csv = new System.Text.StringBuilder("order_id,line,sku,quantity,destination_country,end_user\n");
        for (var i = 0; i < ChipScreen.Reports.HtmlReport.NlrListLimit + 500; i++)
            csv.Append($"SO-{i},1,{(i % 2 == 0 ? "H20-96GB" : "H100-SXM5-80GB")},1,{(i % 4 == 1 ? "CN" : "DE")},Buyer {i % 10}\n");
        var request = new RunRequest(dir.Write("big.csv", csv.ToString()), Repo.Rules, null, new DateOnly(2025, 9, 30), dir.File("out"));
        var screening = new FileScreening(TimeProvider.System);
        var report = screening.Run(request, screening.LoadPack(request));
        var html = File.ReadAllText(dir.File("out/report.html"));
        var rows = html.Split("<tr data-decision=").Length - 1;
        Assert.Equal(report.Summary.Lines - report.Summary.Count(ChipScreen.Screening.Decision.Nlr), rows);
        Assert.Contains("<section id=\"nlr\">", html);
        // NLR lines are not in the page, so no box offers to filter them; the search's help says where they are.
        Assert.DoesNotContain("class=\"show\" value=\"NLR\"", html);
        Assert.Contains("class=\"show\" value=\"HOLD\"", html);
        Assert.Contains("NLR lines are summarised below, not listed.", html);
        Assert.DoesNotContain("https://", html.Replace("https://www.federalregister.gov", "")); // no external assets
    }

    [Fact]
    public void AnEmptyBatch_SaysItHasNoLines_WhereItWouldCountThem()
    {
        using var dir = new TempDir();
        var request = new RunRequest(dir.Write("none.csv", "order_id,line,sku,quantity,destination_country,end_user\n"), Repo.Rules, null, new DateOnly(2025, 9, 30), dir.File("out"));
        var screening = new FileScreening(TimeProvider.System);
        Assert.Equal(0, screening.Run(request, screening.LoadPack(request)).Summary.Lines);
        var html = File.ReadAllText(dir.File("out/report.html"));
        Assert.Contains("<p>By tier: no lines</p>", html);
        Assert.Contains("<p id=\"chart-destination\" class=\"none\">No lines.</p>", html);
        Assert.Contains("<p id=\"chart-class\" class=\"none\">No lines.</p>", html);
        Assert.DoesNotContain("<svg", html);
        Assert.Contains(">0 lines shown<", html);
        Assert.Contains("class=\"show\" value=\"NLR\"", html); // a small batch lists its NLR lines
    }

    [Fact]
    public void OneLine_IsOneLineShown()
    {
        using var dir = new TempDir();
        var request = new RunRequest(dir.Write("one.csv", "order_id,line,sku,quantity,destination_country,end_user\nSO-1,1,H100-SXM5-80GB,1,CN,Buyer\n"), Repo.Rules, null, new DateOnly(2025, 9, 30), dir.File("out"));
        var screening = new FileScreening(TimeProvider.System);
        screening.Run(request, screening.LoadPack(request));
        var html = File.ReadAllText(dir.File("out/report.html"));
        Assert.Contains(">1 line shown<", html);
        Assert.Contains("<td>SO-1<td>1<td>H100-SXM5-80GB<td>", html); // the SKU as given, in a column of its own
        Assert.Contains("id=\"country-names\">{\"china\":\"CN\"}</script>", html); // only the batch's destinations
        var aliases = System.Text.RegularExpressions.Regex.Match(html, "id=\"country-aliases\">([^<]*)</script>").Groups[1].Value;
        using var json = JsonDocument.Parse(aliases);
        Assert.Equal("CN", json.RootElement.GetProperty("prc").GetString()); // its other names, in Latin letters only
        Assert.Equal("CN", json.RootElement.GetProperty("chn").GetString());
        Assert.All(json.RootElement.EnumerateObject(), a => Assert.Matches("^[a-z0-9 ]+$", a.Name));
        Assert.All(json.RootElement.EnumerateObject(), a => Assert.Equal("CN", a.Value.GetString()));
        Assert.False(json.RootElement.TryGetProperty("china", out _)); // the official name is in country-names
    }

    [Theory]
    [InlineData(0, "Every line, PROHIBITED and HOLD first. There are no NLR lines.")]
    [InlineData(1, "Every line that is not NLR, PROHIBITED and HOLD first. The one NLR line is summarised below.")]
    public void LargeBatch_WithNoNlrLineOrOne_SaysSo(int nlrLines, string said)
    {
        using var dir = new TempDir();
        var csv = new System.Text.StringBuilder("order_id,line,sku,quantity,destination_country,end_user\n");
        for (var i = 0; i <= ChipScreen.Reports.HtmlReport.NlrListLimit; i++)
            csv.Append($"SO-{i},1,{(i < nlrLines ? "H20-96GB" : "H100-SXM5-80GB")},1,Germany,Buyer GmbH\n");
        var request = new RunRequest(dir.Write("big.csv", csv.ToString()), Repo.Rules, null, new DateOnly(2025, 9, 30), dir.File("out"));
        var screening = new FileScreening(TimeProvider.System);
        var report = screening.Run(request, screening.LoadPack(request));
        Assert.Equal(nlrLines, report.Summary.Count(ChipScreen.Screening.Decision.Nlr));
        var html = File.ReadAllText(dir.File("out/report.html"));
        Assert.Contains($"<p>{said}</p>", html);
        Assert.Equal(nlrLines > 0, html.Contains("<section id=\"nlr\">", StringComparison.Ordinal));
    }
}
