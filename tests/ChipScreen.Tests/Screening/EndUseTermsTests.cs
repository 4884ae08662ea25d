using ChipScreen.Orders;
using ChipScreen.Rules;
using ChipScreen.Screening;
using ChipScreen.Tests.Support;
using static ChipScreen.Tests.Support.Screen;

namespace ChipScreen.Tests.Screening;

/// <summary>End-use terms are found however the end use spaces, hyphenates, widens, accents or hides their letters
/// (rules U1 and F2 must not be evaded by "super computer", "super‑computer" or a soft hyphen); matching only ever finds
/// more than the plain case-insensitive search did, and reports terms as the terms file writes them.</summary>
public class EndUseTermsTests
{
    private const string Advanced = "supercomputer_or_advanced_ic";
    private const string RedFlags = "red_flags";

    private static EndUseTerms Terms => Pack.EndUseTerms;

    // The variants that screened NLR (U1) or AIA (F2) with the plain substring search.
    public static TheoryData<string, string, string> WrittenApart() => new()
    {
        { "super  computer", Advanced, "supercomputer" },              // two spaces
        { "super computing", Advanced, "supercomputing" },            // "National Supercomputing Center" names no "supercomputer"
        { "super\ncomputer", Advanced, "supercomputer" },              // a line break (a quoted CSV field)
        { "super\r\ncomputer", Advanced, "supercomputer" },
        { "super\tcomputer", Advanced, "supercomputer" },
        { "super\u2011computer", Advanced, "supercomputer" },          // non-breaking hyphen
        { "super\u2010computer", Advanced, "supercomputer" },          // hyphen
        { "super\u2013computer", Advanced, "supercomputer" },          // en dash
        { "super\u2014computer", Advanced, "supercomputer" },          // em dash
        { "super\u2212computer", Advanced, "supercomputer" },          // minus sign
        { "super\uFE63computer", Advanced, "supercomputer" },          // small hyphen-minus
        { "super_computer", Advanced, "supercomputer" },
        { "super/computer", Advanced, "supercomputer" },
        { "super.computer", Advanced, "supercomputer" },
        { "super\u00ADcomputer", Advanced, "supercomputer" },          // soft hyphen (format character)
        { "super\u200Bcomputer", Advanced, "supercomputer" },          // zero-width space
        { "super\u2060computer", Advanced, "supercomputer" },          // word joiner
        { "\uFF53\uFF55\uFF50\uFF45\uFF52\uFF43\uFF4F\uFF4D\uFF50\uFF55\uFF54\uFF45\uFF52", Advanced, "supercomputer" }, // full width
        { "\uFF33\uFF35\uFF30\uFF25\uFF32\uFF0D\uFF23\uFF2F\uFF2D\uFF30\uFF35\uFF34\uFF25\uFF32", Advanced, "supercomputer" }, // full width, with a full-width hyphen
        { "S\u00FApercomputer", Advanced, "supercomputer" },           // an accent, composed
        { "Su\u0301percomputer", Advanced, "supercomputer" },          // an accent, combining
        { "advanced\u00A0node", Advanced, "advanced-node" },           // no-break space
        { "advanced\u202Fnode", Advanced, "advanced-node" },           // narrow no-break space
        { "advanced\u3000node", Advanced, "advanced-node" },           // ideographic space
        { "advancednode", Advanced, "advanced-node" },
        { "wafer-fab", Advanced, "wafer fab" },
        { "waferfab", Advanced, "wafer fab" },
        { "Wafer\u2013Fab", Advanced, "wafer fab" },
        { "semi-conductor fabrication", Advanced, "semiconductor fabrication" },
        { "mili\u00ADtary", RedFlags, "military" },                    // soft hyphen
        { "\uFF4D\uFF49\uFF4C\uFF49\uFF54\uFF41\uFF52\uFF59", RedFlags, "military" }, // full width
        { "MIL-ITARY", RedFlags, "military" },
        { "m i l i t a r y", RedFlags, "military" },
        { "nu\u200Bclear", RedFlags, "nuclear" },
        { "weap\u00F3n", RedFlags, "weapon" },
        { "mis\u2011sile", RedFlags, "missile" },
    };

    [Theory]
    [MemberData(nameof(WrittenApart))]
    public void ATermWrittenApartOrInOtherCharacters_IsFound_AndReportedAsTheTermsFileWritesIt(string endUse, string list, string reported) =>
        Assert.Equal([reported], Terms.Matches(list, endUse));

    [Theory]
    [InlineData("super  computer")]
    [InlineData("super\ncomputer")]
    [InlineData("super\u2011computer")]
    [InlineData("super\u2013computer")]
    [InlineData("advanced\u00A0node")]
    [InlineData("\uFF53\uFF55\uFF50\uFF45\uFF52\uFF43\uFF4F\uFF4D\uFF50\uFF55\uFF54\uFF45\uFF52")]
    [InlineData("wafer-fab")]
    [InlineData("\u0455upercomputer")]            // Cyrillic "ѕ"
    [InlineData("super c\u043Emputer")]           // Cyrillic "о"
        public void U1_AnH20ForASupercomputerOrFabInChina_IsProhibited_HoweverTheEndUseIsWritten(string endUse)
    {
        var d = One(Line("CN", sku: "H20-96GB", endUse: endUse));
        Assert.True(d.Decision == Decision.Prohibited, $"expected PROHIBITED, got {d.Decision}: {d.Message}");
        Assert.Equal("U1", d.RuleIds);
    }

    [Theory]
    [InlineData("mili\u00ADtary")]
    [InlineData("\uFF4D\uFF49\uFF4C\uFF49\uFF54\uFF41\uFF52\uFF59")]
    [InlineData("m\u0456litary logistics")]       // Cyrillic "і"
    [InlineData("MILIT\u0391RY")]                 // Greek "Α"
    public void F2_AnH100ForMilitaryUseInGermany_IsHeld_HoweverTheEndUseIsWritten(string endUse)
    {
        var d = One(Line("DE", sku: "H100-SXM5-80GB", endUse: endUse));
        Assert.True(d.Decision == Decision.Hold, $"expected HOLD, got {d.Decision}: {d.Message}");
        Assert.Equal("F2;A2", d.RuleIds);
        Assert.Contains("mentions military: review before shipping", d.Message);
    }

    [Fact]
    public void TheOrderFileOfTheReport_ScreensEveryVariant_AsItsPlainSpelling()
    {
        const string header = "order_id,line,ship_date,sku,tpp,die_area_mm2,datacenter,chips_per_unit,quantity,destination_country,end_user,end_user_country,end_user_hq_country,consignee,end_use";
        string[] u1 = ["supercomputer", "super  computer", "\"super\ncomputer\"", "super\u2011computer", "super\u2013computer", "advanced\u00A0node",
            "\uFF53\uFF55\uFF50\uFF45\uFF52\uFF43\uFF4F\uFF4D\uFF50\uFF55\uFF54\uFF45\uFF52", "wafer-fab"];
        string[] f2 = ["military", "mili\u00ADtary", "\uFF4D\uFF49\uFF4C\uFF49\uFF54\uFF41\uFF52\uFF59"];
        var rows = u1.Select((e, i) => $"U-{i},1,2025-06-01,H20-96GB,,,,,1,CN,Test Buyer Ltd,,,,{e}")
            .Concat(f2.Select((e, i) => $"F-{i},1,2025-06-01,H100-SXM5-80GB,,,,,1,DE,Test Buyer Ltd,,,,{e}"));
        var lines = OrderCsvReader.FromText(header + "\n" + string.Join("\n", rows) + "\n").ReadLines().ToArray();
        var decisions = Batch(lines);

        Assert.Equal(u1.Length + f2.Length, decisions.Count);
        Assert.All(decisions.Take(u1.Length), d => Assert.Equal((Decision.Prohibited, "U1"), (d.Decision, d.RuleIds)));
        Assert.All(decisions.Skip(u1.Length), d => Assert.Equal((Decision.Hold, "F2;A2"), (d.Decision, d.RuleIds)));
    }

    [Fact]
    public void TheMessage_NamesTheTermAsTheTermsFileWritesIt_NotAsTheEndUseDoes()
    {
        var d = One(Line("CN", sku: "H20-96GB", endUse: "super\u2011computer"));
        Assert.Contains("end use 'super\u2011computer' names supercomputer located in CN", d.Message);
    }

    [Theory]
    [InlineData("super-computer", Advanced, new[] { "super-computer" })]          // as written: reported as before
    [InlineData("Super Computer centre", Advanced, new[] { "super computer" })]
    [InlineData("supercomputer and super computer", Advanced, new[] { "supercomputer", "super computer" })]
    [InlineData("advanced-node wafer fab", Advanced, new[] { "advanced-node", "wafer fab" })]
    [InlineData("advanced node", Advanced, new[] { "advanced node" })]
    [InlineData("super computer for advanced\u2011node wafer\u00A0fab", Advanced, new[] { "super computer", "advanced-node", "wafer fab" })]
    [InlineData("nuclear missile", RedFlags, new[] { "missile", "nuclear" })]       // in list order
    public void ATermTheEndUseWritesAsTheFileDoes_IsReportedAsWritten_AndEachOtherGroupByItsFirstTerm(string endUse, string list, string[] reported) =>
        Assert.Equal(reported, Terms.Matches(list, endUse));

    // The consequence of comparing letters and digits alone: a term may also be found across words and punctuation.
    // It only ever holds more lines; none of the pack tests or sample orders changes decision.
    [Theory]
    [InlineData("wafer, fabric samples", Advanced, "wafer fab")]
    [InlineData("super; computer rooms", Advanced, "supercomputer")]
    [InlineData("Thermonuclear physics", RedFlags, "nuclear")]    // inside a word, as the plain search found it
    public void ATermAcrossWordsOrPunctuation_IsFound(string endUse, string list, string reported) =>
        Assert.Equal([reported], Terms.Matches(list, endUse));

    [Theory]
    [InlineData("inference cluster")]
    [InlineData("computer vision")]
    [InlineData("milling machine vision")]
    [InlineData("AI training, wafer inspection analytics")]
    [InlineData("-- \u00AD\u200B \u2014 _ /")]
    [InlineData("")]
    public void AnOrdinaryEndUse_NamesNoTerm(string endUse) =>
        Assert.All(Terms.ListNames, list => Assert.Empty(Terms.Matches(list, endUse)));

    /// <summary>End uses of the shipped pack tests and sample orders, and texts whose case or width the plain search read.</summary>
    public static TheoryData<string> PackNames() => new("ai-diffusion-2025", "ac-2023", "us-2026");

    [Theory]
    [MemberData(nameof(PackNames))]
    public void EveryTermThePlainSearchFound_IsStillFound(string pack)
    {
        var terms = RulePackLoader.Load(Repo.Rules, pack, AsOf).EndUseTerms;
        var texts = ShippedEndUses().Concat(
        [
            "SUPERCOMPUTER", "Super-Computer lab", "ADVANCED-NODE Fab", "Weapons lab", "\u03A3\u03C2 missile \u03C3", "\u212Aelvin nuclear",
            "stra\u00DFe military", "STRASSE weapon", "\u0130stanbul chip fabrication", "\uFB01 wafer fab", "super\uD800computer",
        ]).ToList();
        Assert.Contains(texts, t => t.Contains("supercomputer", StringComparison.OrdinalIgnoreCase));
        foreach (var text in texts)
        {
            foreach (var list in terms.ListNames)
            {
                var plain = terms.Terms(list).Where(t => text.Contains(t, StringComparison.OrdinalIgnoreCase)).ToList();
                var found = terms.Matches(list, text);
                Assert.True(plain.All(found.Contains), $"'{text}' in {list}: the plain search found {string.Join(", ", plain)}, now {string.Join(", ", found)}");
            }
        }
    }

    [Fact]
    public void EveryTwoCharactersThePlainSearchEquates_SquashAlike_SoNoTermItFoundIsLost()
    {
        // A text that contains a term ignoring case holds its squashed form if every character squashes as the characters
        // the case-insensitive search takes it for do: its upper and lower case.
        var differ = new List<string>();
        var pairs = 0;
        for (var cp = 0; cp <= 0x10FFFF; cp++)
        {
            if (cp is >= 0xD800 and <= 0xDFFF)
                continue;
            var c = char.ConvertFromUtf32(cp);
            foreach (var other in new[] { c.ToUpperInvariant(), c.ToLowerInvariant() })
            {
                if (other == c || !string.Equals(c, other, StringComparison.OrdinalIgnoreCase))
                    continue;
                pairs++;
                if (EndUseTerms.Squash(c) != EndUseTerms.Squash(other))
                    differ.Add($"U+{cp:X4} '{EndUseTerms.Squash(c)}' / '{EndUseTerms.Squash(other)}'");
            }
        }
        Assert.True(pairs > 2000, $"{pairs} pairs");
        Assert.True(differ.Count == 0, string.Join("; ", differ));
    }

    private static IEnumerable<string> ShippedEndUses()
    {
        var csvs = Directory.GetFiles(Path.Combine(Repo.Root, "sample-orders"), "*.csv").Append(Path.Combine(Repo.Data, "conformance", "ai-diffusion-2025-orders.csv"));
        foreach (var csv in csvs)
        {
            using var reader = OrderCsvReader.Open(csv);
            foreach (var line in reader.ReadLines())
                if (!string.IsNullOrEmpty(line.EndUse))
                    yield return line.EndUse;
        }
        foreach (var test in Directory.GetFiles(Repo.Rules, "*.json", SearchOption.AllDirectories).Where(f => f.Contains($"{Path.DirectorySeparatorChar}tests{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(test), "\"end_use\"\\s*:\\s*\"([^\"]*)\""))
                yield return m.Groups[1].Value;
    }

    [Theory]
    [InlineData("Super\u00AD-Computer_1", "supercomputer1")]
    [InlineData("  wafer \t fab\r\n", "waferfab")]
    [InlineData("Stra\u00DFe \u1E9E \u00C6ther \u00D8st", "strassessaetherost")]
    [InlineData("\uFB01ber \u2460 x\u00B2", "fiber1x2")]                 // ligature, circled digit, superscript
    [InlineData("\u0130I\u0131i", "iiii")]                                 // dotted and dotless i
    [InlineData("\u03A3\u03C2\u03C3", "\u03C3\u03C3\u03C3")]               // sigma: the plain search equated them
    [InlineData("\u8D85\u7EA7 \u8BA1\u7B97\u673A", "\u8D85\u7EA7\u8BA1\u7B97\u673A")] // Chinese stays, its spaces go
    [InlineData("\uD835\uDC2C\uD835\uDC2E\uD835\uDC29", "sup")]            // mathematical bold letters (outside the BMP)
    [InlineData("-\u2014_/\u00AD\u200B", "")]
    public void Squash_KeepsLettersAndDigitsAlone_Folded(string text, string squashed) =>
        Assert.Equal(squashed, EndUseTerms.Squash(text));

    [Fact]
    public void Squash_ReadsHalfASurrogatePair_AsAReplacementCharacter_ASymbol() =>
        Assert.Equal("supercomputer", EndUseTerms.Squash("super\uD800computer")); // string.Normalize would throw

    [Theory]
    [InlineData("--")]
    [InlineData("\u00AD")]
    [InlineData("/ _")]
    public void ATermWithNoLetterOrDigit_IsRefused_ForItWouldBeInEveryEndUse(string term)
    {
        using var rules = TempDir.WithRules();
        rules.Edit("ai-diffusion-2025/end-use-terms.json", "\"nuclear\"]", $"\"nuclear\", \"{term}\"]");
        var e = Assert.Throws<RulePackException>(() => RulePackLoader.Load(rules.Rules, "ai-diffusion-2025", AsOf));
        var error = Assert.Single(e.Errors, x => x.File.EndsWith("end-use-terms.json", StringComparison.Ordinal));
        Assert.Equal(PackErrorCodes.InvalidValue, error.Code);
        Assert.Contains("has no letter or digit", error.Message);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void TheMatchesOfAText_AreTheSame_WhenAskedAgain()
    {
        var first = Terms.Matches(Advanced, "super\u2011computer");
        Assert.Equal(first, Terms.Matches(Advanced, "super\u2011computer"));
        Assert.Equal(["super-computer"], Terms.Matches(Advanced, "super-computer")); // squashes alike, reported as written
    }
}
