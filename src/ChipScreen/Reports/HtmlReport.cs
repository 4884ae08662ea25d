using System.Globalization;
using System.Text;
using ChipScreen.Runs;
using ChipScreen.Screening;

namespace ChipScreen.Reports;

/// <summary>Writes <c>report.html</c>: one self-contained page for a compliance manager (no network, no external
/// assets) with the provenance of the run, summary counts, charts of decisions by destination and by chip class,
/// PROHIBITED and HOLD lines first with their reasons, and a search over the lines.</summary>
/// <remarks>
/// <para>The page is written, and hashed, as the batch streams, so memory stays flat and nothing is read back. Rows are
/// formatted on the workers (<see cref="AppendRow"/>); each section (PROHIBITED and HOLD, licensed and excepted, NLR)
/// gathers its rows into parts of about <see cref="PartSize"/> bytes, and each full part goes into the page at once.
/// The sections' headings come first and the provenance, counts and charts, which need the whole batch, last. The
/// page's style shows it all in reading order (flex <c>order</c>: each part under its section, with columns of fixed
/// widths so that a section's parts line up as one table) and its script, on load, moves each part into its section and
/// the sections into reading order. With script, a browser lays out only the parts on or near the screen
/// (<c>content-visibility</c>, each part's height estimated from its rows until it is shown), so a page of a hundred
/// thousand rows opens in seconds.</para>
/// <para>Every line that is not NLR is listed; NLR lines are listed too when the batch has at most
/// <see cref="NlrListLimit"/> lines, and summarised by destination and class otherwise.</para>
/// </remarks>
public sealed class HtmlReport : IDisposable
{
    /// <summary>Batches with more lines than this summarise their NLR lines instead of listing them.</summary>
    public const int NlrListLimit = 5_000;

    /// <summary>The number of sections rows go in.</summary>
    internal const int SectionCount = 3;

    /// <summary>The section of NLR lines (<see cref="SectionOf"/>).</summary>
    private const int Cleared = 2;

    /// <summary>A section's rows go into the page once it has gathered this many bytes of them.</summary>
    internal const int PartSize = 1 << 20;

    /// <summary>Each section's id and heading.</summary>
    private static readonly (string Id, string Heading)[] s_sections =
    [
        ("denied", "PROHIBITED and HOLD lines"),
        ("licensed", "Lines under a license or license exception"),
        ("cleared", "NLR lines"),
    ];

    private readonly DirectFile.Writer _page;
    private readonly Utf8Buffer[] _parts = [.. Enumerable.Range(0, SectionCount).Select(_ => new Utf8Buffer())];
    private readonly long[] _rows = new long[SectionCount];
    private readonly int[] _partRows = new int[SectionCount];
    private readonly bool _listNlr;
    private readonly Countries.CountryDirectory? _countries;

    /// <summary>Starts the page at <paramref name="path"/> with what is known before the batch is screened.</summary>
    /// <param name="path">The page's file.</param>
    /// <param name="inputPath">The orders file.</param>
    /// <param name="pack">The pack.</param>
    /// <param name="asOf">The as-of date.</param>
    /// <param name="listNlr">Whether NLR lines are listed (<see cref="NlrListLimit"/>).</param>
    /// <param name="countries">The pack's countries: the search finds a line by its destination's name too.</param>
    public HtmlReport(string path, string inputPath, Rules.PackManifest pack, DateOnly asOf, bool listNlr, Countries.CountryDirectory? countries = null)
    {
        _listNlr = listNlr;
        _countries = countries;
        _page = DirectFile.CreateHashed(path);
        _page.Write(Encoded(w =>
        {
            Opening(w, inputPath, pack, asOf);
            for (var section = 0; section < SectionCount; section++)
                if (Listed(section))
                    Heading(w, section);
        }));
    }

    private bool Listed(int section) => IsListed(section, _listNlr);

    /// <summary>Whether <paramref name="section"/>'s lines are listed: the NLR section's only when
    /// <paramref name="listNlr"/>.</summary>
    internal static bool IsListed(int section, bool listNlr) => section != Cleared || listNlr;

    [ThreadStatic]
    private static Utf8Buffer? t_row;

    /// <summary>Formats the row into this thread's buffer; the span is valid until the next call on the thread.</summary>
    internal static ReadOnlySpan<byte> FormatRowSpan(LineDecision d)
    {
        var row = t_row ??= new Utf8Buffer();
        row.Clear();
        AppendRow(row, d);
        return row.Written;
    }

    /// <summary>Appends the table row of <paramref name="d"/> to what <paramref name="row"/> holds.</summary>
    /// <remarks>
    /// A large batch lists hundreds of thousands of rows, so a row carries no markup it does without: cells and reasons
    /// end where the next one starts (HTML's optional end tags: the parser closes a <c>td</c> at the next <c>td</c> or
    /// <c>tr</c> and a <c>p</c> at the next <c>p</c> or the cell's end), and the decision's badge is a <c>b</c> styled by
    /// its decision's class. Cell text escapes what element content needs, <c>&lt;</c> and <c>&amp;</c>, and shows each
    /// bidirectional control, C0 control and DEL as its code point (<see cref="Html.Text"/>).
    /// </remarks>
    internal static void AppendRow(Utf8Buffer row, LineDecision d)
    {
        var decision = s_decisionText[(int)d.Decision];
        row.Raw("<tr data-decision=\""u8);
        row.Raw(decision);
        row.Raw("\"><td>"u8);
        row.Text(d.OrderId);
        row.Raw("<td>"u8);
        row.Text(d.Line);
        row.Raw("<td>"u8);
        row.Text(d.Input.Sku);
        row.Raw("<td><b class=\""u8);
        row.Raw(decision);
        row.Raw("\">"u8);
        row.Raw(decision);
        row.Raw("</b>"u8);
        if (d.Exception is { } exception)
        {
            row.Raw(" "u8);
            row.Utf8(exception);
        }
        row.Raw("<td>"u8);
        row.Utf8(d.Eccn?.Value ?? "");
        row.Raw("<td>"u8);
        row.Text(d.Destination);
        row.Raw("<td>"u8);
        if (d.Tier is { } tier)
        {
            Span<char> digits = stackalloc char[11];
            tier.TryFormat(digits, out var length, provider: CultureInfo.InvariantCulture);
            row.Utf8(digits[..length]);
        }
        row.Raw("<td>"u8);
        row.Text(d.Input.EndUser);
        row.Raw("<td>"u8);
        var reasons = t_reasons ??= new ReasonFragments<Utf8Buffer>(WriteAroundMessage);
        foreach (var r in d.Reasons)
        {
            var (before, after) = reasons.Of(r);
            row.Raw(before);
            row.Text(r.Message);
            row.Raw(after);
        }
        row.Raw("\n"u8);
    }

    [ThreadStatic]
    private static ReasonFragments<Utf8Buffer>? t_reasons;

    /// <summary>A reason's markup but its message: the same for every line the rule fires on.</summary>
    private static void WriteAroundMessage(Reason r, Utf8Buffer before, Utf8Buffer after)
    {
        before.Raw("<p><b>"u8);
        before.Text(r.RuleId);
        before.Raw("</b> "u8);
        if (r.Citation.Length > 0)
        {
            after.Raw(" <cite>"u8);
            after.Text(r.Citation);
            after.Raw("</cite>"u8);
        }
    }

    // Each decision's name in UTF-8, by its value.
    private static readonly byte[][] s_decisionText = [.. Enum.GetValues<Decision>().OrderBy(d => (int)d).Select(d => Encoding.UTF8.GetBytes(d.ToContractString()))];

    /// <summary>The section a line's row goes in: PROHIBITED and HOLD (0), licensed and excepted lines (1), NLR (2).</summary>
    internal static int SectionOf(Decision decision) => decision switch
    {
        Decision.Prohibited or Decision.Hold => 0,
        Decision.Nlr => Cleared,
        _ => 1,
    };

    /// <summary>Adds the rows of a run of decisions to their sections; a section that has gathered a part's worth goes
    /// into the page.</summary>
    public void Add(FormattedBatch records)
    {
        ArgumentNullException.ThrowIfNull(records);
        for (var section = 0; section < SectionCount; section++)
        {
            var rows = records.HtmlRows(section);
            if (rows.Length == 0)
                continue;
            _parts[section].Raw(rows);
            _rows[section] += records.HtmlRowCount(section);
            _partRows[section] += records.HtmlRowCount(section);
            if (_parts[section].Written.Length >= PartSize)
                WritePart(section);
        }
    }

    /// <summary>Finishes the page: what is left of each section, then the parts that need the whole batch. Returns its
    /// SHA-256, of exactly the bytes the page is made of (<c>verify</c> checks it).</summary>
    public string Complete(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        for (var section = 0; section < SectionCount; section++)
        {
            if (!Listed(section))
                continue;
            if (_parts[section].Written.Length > 0)
                WritePart(section);
            if (_rows[section] == 0)
                _page.Write(Encoded(w => w.Write($"<p class=\"part none\" data-section=\"{s_sections[section].Id}\">None.</p>\n")));
        }
        _page.Write(Encoded(w => Closing(w, report, _rows.Sum(), _countries)));
        _page.Dispose();
        return _page.Sha256;
    }

    private void WritePart(int section)
    {
        _page.Write(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"<div class=\"part\" data-section=\"{s_sections[section].Id}\" style=\"contain-intrinsic-height: auto {_partRows[section] * RowHeight}px\">\n<table class=\"lines\">{Columns}<tbody>\n")));
        _page.Write(_parts[section].Written);
        _page.Write("</tbody>\n</table>\n</div>\n"u8);
        _parts[section].Clear();
        _partRows[section] = 0;
    }

    /// <summary>About the height of a row in pixels (one to three reasons): what a part's height is estimated from until the
    /// browser lays it out.</summary>
    private const int RowHeight = 60;

    /// <summary>The lines tables' columns: their fixed widths line a section's parts up as one table.</summary>
    private const string Columns = "<colgroup><col class=\"c-order\"><col class=\"c-line\"><col class=\"c-sku\"><col class=\"c-decision\"><col class=\"c-eccn\"><col class=\"c-destination\"><col class=\"c-tier\"><col class=\"c-user\"><col></colgroup>";

    private static byte[] Encoded(Action<TextWriter> write)
    {
        using var text = new MemoryStream();
        using (var writer = new StreamWriter(text, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
            write(writer);
        return text.ToArray();
    }

    /// <inheritdoc />
    public void Dispose() => _page.Dispose();

    private static readonly (Decision Decision, string Color)[] s_colors =
    [
        (Decision.Prohibited, "#b3261e"), (Decision.Hold, "#e8a317"), (Decision.LicenseRequired, "#7b5ea7"),
        (Decision.LicenseException, "#2f6fb0"), (Decision.Nlr, "#3a8a4f"),
    ];

    /// <summary>The start of the page, up to the first section: what is known before the batch is screened.</summary>
    private static void Opening(TextWriter w, string inputPath, Rules.PackManifest pack, DateOnly asOf)
    {
        w.Write("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        w.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        // With script, the page marks itself first, so that the style lays out only the parts on the screen from the start
        // (measured without script, a part off the screen would not have its real size: there every part is laid out).
        w.Write($"<title>ChipScreen report: {Html.Escape(Path.GetFileName(inputPath))}</title>\n<script>document.documentElement.classList.add('js');</script>\n<style>\n{Css}</style>\n</head>\n");
        w.Write("<body>\n<header>\n<h1>Export screening report</h1>\n");
        w.Write($"<p class=\"sub\">{Html.Escape(inputPath)} &middot; pack <b>{Html.Escape(pack.Id)}</b> {Html.Escape(pack.Version)} &middot; as of {asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}</p>\n");
        if (pack.WarningOn(asOf) is { } warning)
            w.Write($"<p id=\"pack-warning\" class=\"warn\" role=\"alert\">Warning: {Html.Escape(warning)}.</p>\n");
        w.Write("</header>\n<main>\n");
    }

    /// <summary>A section's heading and its table's header; its rows follow in parts.</summary>
    private static void Heading(TextWriter w, int section)
    {
        var (id, heading) = s_sections[section];
        w.Write($"<section id=\"{id}\" class=\"rows\">\n<h2>{heading}</h2>\n<table class=\"lines\">{Columns}\n");
        w.Write("<thead><tr><th>Order</th><th>Line</th><th>SKU</th><th>Decision</th><th>ECCN</th><th>Destination</th><th>Tier</th><th>End user</th><th>Reasons</th></tr></thead>\n</table>\n</section>\n");
    }

    /// <summary>The end of the page, after the listed lines: everything that needs the whole batch.</summary>
    private static void Closing(TextWriter w, RunReport r, long rows, Countries.CountryDirectory? countries)
    {
        var s = r.Summary;
        string Text(FormattableString f) => f.ToString(CultureInfo.InvariantCulture);

        // Provenance: what an auditor needs to reproduce the run.
        w.Write("<section id=\"provenance\">\n<h2>Provenance</h2>\n");
        if (r.ShipDateWarning is { } shipping)
            w.Write($"<p id=\"ship-date-warning\" class=\"warn\" role=\"alert\">Warning: {Html.Escape(shipping)}.</p>\n");
        w.Write("<table class=\"kv\">\n");
        void Row(string key, string value) => w.Write($"<tr><th>{key}</th><td>{value}</td></tr>\n");
        Row("Run", Html.Escape(r.RunId));
        Row("Tool", $"chipscreen {Html.Escape(r.ToolVersion)}");
        Row("Screened", Html.Escape(r.FinishedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)));
        Row("As of", r.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Row("Rule pack", $"{Html.Escape(r.Pack.Id)} {Html.Escape(r.Pack.Version)}: {Html.Escape(r.Pack.Title)} ({r.Pack.InForceText})");
        Row("Pack revision", $"<code>{Html.Escape(r.PackRevision)}</code>");
        Row("Sources", string.Join("<br>", r.Pack.Sources.Select(x => $"{Html.Escape(x.Citation)}: {Html.Escape(x.Title)}")));
        Row("Input", $"{Html.Escape(r.InputPath)}<br><code>sha256 {Html.Escape(r.InputSha256)}</code>");
        Row("Rule files", $"<details><summary>{r.RuleFiles.Count} files</summary>" +
            string.Join("", r.RuleFiles.Select(f => $"<div><code>{Html.Escape(f.Sha256)}</code> {Html.Escape(f.Path)}</div>")) + "</details>");
        if (r.ListFiles.Count > 0)
            Row("Party lists", "Given besides the pack's own:" +
                string.Join("", r.ListFiles.Select(f => $"<div>{Html.Escape(f.Path)}<br><code>sha256 {Html.Escape(f.Sha256)}</code></div>")));
        w.Write("</table>\n</section>\n");

        // Summary counts.
        w.Write("<section id=\"summary\">\n<h2>Decisions</h2>\n<div class=\"cards\">\n");
        foreach (var (decision, count) in s.ByDecision)
            w.Write(Text($"<div class=\"card {decision.ToContractString()}\"><div class=\"n\" data-decision-count=\"{decision.ToContractString()}\">{count}</div><div>{decision.ToContractString()}</div></div>\n"));
        w.Write(Text($"<div class=\"card total\"><div class=\"n\" data-total-count>{s.Lines}</div><div>lines</div></div>\n</div>\n"));
        if (s.ByException.Count > 0)
            w.Write("<p>License exceptions: " + string.Join(", ", s.ByException.Select(e => Text($"<span data-exception-count=\"{e.Key}\">{e.Key} {e.Value}</span>"))) + "</p>\n");
        w.Write("<p>By tier: " + (s.ByTier.Count == 0 ? "no lines" : string.Join(", ", s.ByTier.Select(t => Text($"{(t.Key.Length == 0 ? "unknown" : "tier " + t.Key)} {t.Value}")))) + "</p>\n");
        w.Write("<p>Lines with a restricted-party hit (end user or consignee): " + string.Join(", ", s.ByPartyVerdict.Select(v =>
            Text($"<span data-party-count=\"{v.Verdict}\">{v.Lines}</span> {Parties.Verdicts.Describe(v.Verdict)}"))) + "</p>\n");
        w.Write("</section>\n");

        // Charts.
        w.Write("<section id=\"charts\">\n<h2>Decisions by destination and by chip class</h2>\n<div class=\"charts\">\n");
        var destinations = s.ByDestination.OrderByDescending(d => d.Value.Sum()).ThenBy(d => d.Key, StringComparer.Ordinal).ToList();
        var top = destinations.Take(15).Select(d => (Label: d.Key.Length == 0 ? "unknown" : d.Key, Counts: d.Value)).ToList();
        if (destinations.Count > 15)
        {
            var other = new long[5];
            foreach (var d in destinations.Skip(15))
                for (var i = 0; i < 5; i++)
                    other[i] += d.Value[i];
            top.Add(("others", other));
        }
        Chart(w, "By destination", "chart-destination", top);
        Chart(w, "By chip class", "chart-class", s.ByEccn.Select(e => (ClassLabel(e.Key), e.Value)).ToList());
        w.Write("<p class=\"legend\">" + string.Join(" ", s_colors.Select(c => $"<span><i style=\"background:{c.Color}\"></i>{c.Decision.ToContractString()}</span>")) + "</p>\n");
        w.Write("</div>\n</section>\n");

        // Lines.
        var listed = rows;
        var nlrListed = s.Lines <= NlrListLimit;
        var nlr = s.Count(Decision.Nlr);
        w.Write("<section id=\"lines\">\n<h2>Lines</h2>\n");
        w.Write(nlrListed ? "<p>Every line, PROHIBITED and HOLD first.</p>\n"
            : nlr == 0 ? "<p>Every line, PROHIBITED and HOLD first. There are no NLR lines.</p>\n"
            : nlr == 1 ? "<p>Every line that is not NLR, PROHIBITED and HOLD first. The one NLR line is summarised below.</p>\n"
            : Text($"<p>Every line that is not NLR, PROHIBITED and HOLD first. The {nlr:N0} NLR lines are summarised below.</p>\n"));
        w.Write("<div class=\"filters\"><input id=\"search\" type=\"search\" placeholder=\"Search order, SKU, country, end user, rule, reason\" aria-label=\"Search lines\" aria-describedby=\"search-help\">\n");
        // Above the listing limit NLR lines are not in the page: a box for them would filter nothing.
        foreach (var (decision, _) in s_colors.Where(c => nlrListed || c.Decision != Decision.Nlr))
            w.Write($"<label><input type=\"checkbox\" class=\"show\" value=\"{decision.ToContractString()}\" checked> {decision.ToContractString()}</label>\n");
        w.Write(Text($"<span id=\"shown\" data-listed=\"{listed}\">{listed:N0} {(listed == 1 ? "line" : "lines")} shown</span></div>\n"));
        w.Write("<p id=\"search-help\" class=\"hint\">The search finds text in the columns shown: order, line, SKU, decision, ECCN, destination (its ISO code, a word of the country's name onward, or another of its names whole: PRC, UK), tier, end user, rules and reasons. "
            + "End use, consignee and the other columns of the order file are in audit.jsonl.");
        if (!nlrListed && nlr > 0)
            w.Write(" NLR lines are summarised below, not listed.");
        w.Write("</p>\n</section>\n");
        // The names of the batch's destinations, for the search: "china" finds the lines to CN, as do its other names
        // written whole ("prc", "chn").
        var codes = s.ByDestination.Select(d => d.Key).Where(k => k.Length > 0).ToList();
        var names = countries?.NamesOf(codes) ?? new Dictionary<string, string>();
        var aliases = countries?.AliasesOf(codes) ?? new Dictionary<string, string>();
        w.Write($"<script type=\"application/json\" id=\"country-names\">{System.Text.Json.JsonSerializer.Serialize(names)}</script>\n");
        w.Write($"<script type=\"application/json\" id=\"country-aliases\">{System.Text.Json.JsonSerializer.Serialize(aliases)}</script>\n");
        if (!nlrListed && nlr > 0)
        {
            w.Write("<section id=\"nlr\">\n<h2>NLR lines</h2>\n<table class=\"kv\"><thead><tr><th>Destination</th><th>NLR lines</th></tr></thead><tbody>\n");
            foreach (var d in s.ByDestination.Where(d => d.Value[(int)Decision.Nlr] > 0))
                w.Write(string.Create(CultureInfo.InvariantCulture, $"<tr><td>{Html.Escape(d.Key.Length == 0 ? "unknown" : d.Key)}</td><td>{d.Value[(int)Decision.Nlr]:N0}</td></tr>\n"));
            w.Write("</tbody></table>\n<table class=\"kv\"><thead><tr><th>Class</th><th>NLR lines</th></tr></thead><tbody>\n");
            foreach (var e in s.ByEccn.Where(e => e.Value[(int)Decision.Nlr] > 0))
                w.Write(string.Create(CultureInfo.InvariantCulture, $"<tr><td>{Html.Escape(ClassLabel(e.Key))}</td><td>{e.Value[(int)Decision.Nlr]:N0}</td></tr>\n"));
            w.Write("</tbody></table>\n</section>\n");
        }
        w.Write("</main>\n<footer>ChipScreen models the regulations as its rule pack states them. Not legal advice: a qualified person reviews HOLD lines and every license decision.</footer>\n");
        w.Write($"<script>\n{Script.Replace("ROW_HEIGHT", RowHeight.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)}</script>\n</body>\n</html>\n");
    }

    /// <summary>What the page calls a class of <see cref="BatchSummary.ByEccn"/>: its ECCN, "outside 3A090/4A090", or
    /// "class unknown" for lines whose class could not be determined.</summary>
    internal static string ClassLabel(string key) => key switch
    {
        BatchSummary.NoEccn => "outside 3A090/4A090",
        BatchSummary.ClassUnknown => "class unknown",
        _ => key,
    };

    private static void Chart(TextWriter w, string title, string id, IReadOnlyList<(string Label, long[] Counts)> bars)
    {
        const int barHeight = 18, gap = 6, labelWidth = 150, width = 560;
        var max = Math.Max(1, bars.Select(b => b.Counts.Sum()).DefaultIfEmpty(0).Max());
        var height = bars.Count * (barHeight + gap) + gap;
        var sb = new StringBuilder();
        if (bars.Count == 0)
        {
            w.Write($"<figure><figcaption>{Html.Escape(title)}</figcaption><p id=\"{id}\" class=\"none\">No lines.</p></figure>\n");
            return;
        }
        sb.Append(CultureInfo.InvariantCulture, $"<figure><figcaption>{Html.Escape(title)}</figcaption><svg id=\"{id}\" role=\"img\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\">");
        var y = gap;
        foreach (var (label, counts) in bars)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 6}\" y=\"{y + 13}\" text-anchor=\"end\">{Html.Escape(label)}</text>");
            double x = labelWidth;
            foreach (var (decision, color) in s_colors)
            {
                var count = counts[(int)decision];
                if (count == 0)
                    continue;
                var w2 = (width - labelWidth - 60) * (double)count / max;
                sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.##}\" y=\"{y}\" width=\"{Math.Max(w2, 1):0.##}\" height=\"{barHeight}\" fill=\"{color}\"><title>{Html.Escape(label)}: {count:N0} {decision.ToContractString()}</title></rect>");
                x += w2;
            }
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 4:0.##}\" y=\"{y + 13}\">{counts.Sum():N0}</text>");
            y += barHeight + gap;
        }
        sb.Append("</svg></figure>\n");
        w.Write(sb.ToString());
    }

    private const string Css = """
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #1d1d1f; background: #f6f7f9; }
        header { background: #1f2a44; color: #fff; padding: 18px 28px; }
        header h1 { margin: 0; font-size: 22px; }
        .sub { margin: 4px 0 0; opacity: .85; }
        .warn { margin: 8px 0 0; padding: 6px 10px; background: #fde8e8; color: #8a1c1c; border-left: 4px solid #b42318; font-weight: 600; }
        main { padding: 8px 28px 28px; display: flex; flex-direction: column; }
        #provenance { order: 1; } #summary { order: 2; } #charts { order: 3; } #lines { order: 4; }
        #denied, main > .part[data-section="denied"] { order: 5; } #licensed, main > .part[data-section="licensed"] { order: 6; }
        #cleared, main > .part[data-section="cleared"] { order: 7; } #nlr { order: 8; }
        section { background: #fff; border-radius: 8px; padding: 12px 18px; margin: 8px 0; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
        body:not(.gathered) main > section.rows { margin-bottom: 0; border-radius: 8px 8px 0 0; padding-bottom: 0; }
        main > .part { background: #fff; padding: 0 18px; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
        main > .part.none { margin: 0; padding-bottom: 12px; }
        html.js div.part { content-visibility: auto; }
        h2 { font-size: 17px; margin: 4px 0 10px; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid #e5e7eb; }
        table.kv th { width: 140px; color: #555; font-weight: 600; }
        code { font-size: 12px; }
        .cards { display: flex; flex-wrap: wrap; gap: 10px; }
        .card { min-width: 130px; padding: 10px 14px; border-radius: 8px; color: #fff; }
        .card .n { font-size: 24px; font-weight: 700; }
        .card.total { background: #4b5563; }
        .PROHIBITED { background: #b3261e; color: #fff; } .HOLD { background: #e8a317; color: #1d1d1f; }
        .LICENSE_REQUIRED { background: #7b5ea7; color: #fff; } .LICENSE_EXCEPTION { background: #2f6fb0; color: #fff; }
        .NLR { background: #3a8a4f; color: #fff; }
        .none { color: #666; }
        table.lines { table-layout: fixed; min-width: 72rem; } table.lines td { overflow-wrap: anywhere; }
        col.c-order { width: 8rem; } col.c-line { width: 3rem; } col.c-sku { width: 9rem; } col.c-decision { width: 10.5rem; } col.c-eccn { width: 5rem; }
        col.c-destination { width: 6.5rem; } col.c-tier { width: 2.8rem; } col.c-user { width: 12rem; }
        table.lines td > b { padding: 1px 6px; border-radius: 4px; font-size: 12px; font-weight: 600; white-space: nowrap; }
        .charts { display: flex; flex-wrap: wrap; gap: 24px; }
        figure { margin: 0; } figcaption { font-weight: 600; margin-bottom: 4px; }
        svg text { font-size: 12px; fill: #333; }
        .legend span { margin-right: 12px; white-space: nowrap; } .legend i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; border-radius: 2px; }
        .filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin-bottom: 8px; }
        .hint { margin: 0 0 8px; color: #555; font-size: 12px; }
        #search { flex: 1 1 280px; padding: 6px 8px; font-size: 14px; border: 1px solid #c9ccd3; border-radius: 6px; }
        table.lines td > p { margin: 0 0 3px; } cite { color: #666; font-size: 12px; font-style: normal; }
        footer { padding: 0 28px 24px; color: #666; font-size: 12px; }

        """;

    private const string Script = """
        (function () {
          // The page is written as the batch streams: the sections' rows come in parts after their headings, and the
          // provenance and counts last. Move each part into its section and the sections into reading order, as the
          // style already shows them (the parts stay whole: the browser lays out only those on the screen).
          var main = document.querySelector('main');
          Array.prototype.slice.call(main.children).forEach(function (part) {
            if (part.classList.contains('part')) { document.getElementById(part.getAttribute('data-section')).appendChild(part); }
          });
          document.body.classList.add('gathered');
          ['provenance', 'summary', 'charts', 'lines', 'denied', 'licensed', 'cleared', 'nlr'].forEach(function (id) {
            var section = document.getElementById(id);
            if (section) { main.appendChild(section); }
          });
          // Each part of rows, with its rows; a part whose rows are all filtered out is hidden, and the others' estimated
          // heights follow the rows they show (until laid out, a part is as high as its estimate).
          var parts = Array.prototype.slice.call(document.querySelectorAll('div.part')).map(function (p) {
            var rows = Array.prototype.slice.call(p.querySelectorAll('tbody tr'));
            return { el: p, rows: rows, shown: rows.length };
          });
          var rowHeight = ROW_HEIGHT;
          var texts = null, destinations = null;
          var names = JSON.parse(document.getElementById('country-names').textContent);
          var aliases = JSON.parse(document.getElementById('country-aliases').textContent);
          var search = document.getElementById('search');
          var boxes = Array.prototype.slice.call(document.querySelectorAll('input.show'));
          var shown = document.getElementById('shown');
          // What a row is searched in: its cells' text (each reason apart) with a separator between them, so that a
          // query never matches across two cells ("cn3" is not destination CN and tier 3).
          function indexOf(row) {
            var cells = [];
            for (var c = 0; c < row.cells.length; c++) {
              var ps = row.cells[c].getElementsByTagName('p');
              if (ps.length === 0) { cells.push(row.cells[c].textContent); }
              for (var j = 0; j < ps.length; j++) { cells.push(ps[j].textContent); }
            }
            return cells.join('\u0001').toLowerCase();
          }
          // The destinations a query names: a country whose name (or one of its words onward) starts with it, or one of
          // whose other names it is.
          function countriesIn(q) {
            var key = q.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9_]+/g, ' ').trim();
            var codes = {};
            if (Object.prototype.hasOwnProperty.call(aliases, key)) { codes[aliases[key]] = true; }
            if (key.length < 3) { return codes; }
            Object.keys(names).forEach(function (name) {
              if ((' ' + name).indexOf(' ' + key) >= 0) { codes[names[name]] = true; }
            });
            return codes;
          }
          function apply() {
            if (texts === null) {
              texts = []; destinations = [];
              parts.forEach(function (p) { p.rows.forEach(function (r) { texts.push(indexOf(r)); destinations.push(r.cells[5] ? r.cells[5].textContent : ''); }); });
            }
            var q = search.value.trim().toLowerCase();
            var codes = q === '' ? {} : countriesIn(q);
            var on = {};
            boxes.forEach(function (b) { on[b.value] = b.checked; });
            var n = 0, i = 0;
            parts.forEach(function (p) {
              var k = 0;
              p.rows.forEach(function (r) {
                var visible = on[r.getAttribute('data-decision')] && (q === '' || texts[i].indexOf(q) >= 0 || codes[destinations[i]] === true);
                r.style.display = visible ? '' : 'none';
                if (visible) { k++; }
                i++;
              });
              n += k;
              if (k !== p.shown) {
                // A part off the screen keeps the height it was last laid out at ("auto"), all its rows then: a new part
                // element, holding the same table, has no such height and takes the estimate for the rows it shows.
                p.shown = k;
                var fresh = p.el.cloneNode(false);
                while (p.el.firstChild) { fresh.appendChild(p.el.firstChild); }
                fresh.style.display = k === 0 ? 'none' : '';
                fresh.style.containIntrinsicHeight = 'auto ' + (k * rowHeight) + 'px';
                p.el.parentNode.replaceChild(fresh, p.el);
                p.el = fresh;
              }
            });
            shown.textContent = n.toLocaleString('en-US') + (n === 1 ? ' line shown' : ' lines shown');
          }
          search.addEventListener('input', apply);
          boxes.forEach(function (b) { b.addEventListener('change', apply); });
        })();

        """;
}
