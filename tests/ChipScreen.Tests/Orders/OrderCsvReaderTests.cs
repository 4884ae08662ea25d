using System.Text;
using ChipScreen.Orders;
using ChipScreen.Tests.Support;

namespace ChipScreen.Tests.Orders;

public class OrderCsvReaderTests
{
    private const string Header = "order_id,line,ship_date,sku,tpp,die_area_mm2,datacenter,chips_per_unit,quantity,destination_country,end_user,end_user_country,end_user_hq_country,consignee,end_use";

    private static List<OrderLine> Read(string csv) => OrderCsvReader.FromText(csv).ReadLines().ToList();

    [Fact]
    public void ContractColumns_AreRead()
    {
        var line = Read(Header + "\nSO-1,2,2025-03-04,H100-SXM5-80GB,15832,814,true,8,3,DE,Acme GmbH,FR,US,Acme Logistics,training\n").Single();
        Assert.Equal(("SO-1", "2", new DateOnly(2025, 3, 4), "H100-SXM5-80GB"), (line.OrderId, line.Line, line.ShipDate!.Value, line.Sku));
        Assert.Equal((15832m, 814m, true, 8, 3), (line.Tpp!.Value, line.DieAreaMm2!.Value, line.Datacenter!.Value, line.ChipsPerUnit!.Value, line.Quantity!.Value));
        Assert.Equal(("DE", "Acme GmbH", "FR", "US", "Acme Logistics", "training"),
            (line.DestinationCountry, line.EndUser, line.EndUserCountry, line.EndUserHqCountry, line.Consignee, line.EndUse));
        Assert.Empty(line.Issues);
    }

    [Fact]
    public void ErpHeaderAliases_AreMatchedIgnoringCaseAndSeparators()
    {
        var csv = "Customer PO,LINE NO,Ship Date,Material,Qty,Ship-To Country,End Customer,Net Value\nPO-9,10,2025-01-02,H20-96GB,5,Viet Nam,Saigon Cloud JSC,123.00\n";
        using var reader = OrderCsvReader.FromText(csv);
        var line = reader.ReadLines().Single();
        Assert.Equal(("PO-9", "10", 5, "Viet Nam", "Saigon Cloud JSC"), (line.OrderId, line.Line, line.Quantity!.Value, line.DestinationCountry, line.EndUser));
        Assert.Equal(["Net Value"], reader.IgnoredColumns);
    }

    [Theory]
    [InlineData("Country of End User", "end_user_country")]
    [InlineData("End User HQ", "end_user_hq_country")]
    [InlineData("EndUserHQ", "end_user_hq_country")]
    [InlineData("HQ", "end_user_hq_country")]
    [InlineData("Headquarters", "end_user_hq_country")]
    [InlineData("Country of Origin", "destination_country")]
    [InlineData("shiptocountryiso", "destination_country")]
    [InlineData("Customer", "end_user")]
    [InlineData("Ultimate Consignee Name", "consignee")]
    [InlineData("End-Use Statement", "end_use")]
    [InlineData("Die Size (mm²)", "die_area_mm2")]
    [InlineData("TPP per chip", "tpp")]
    [InlineData("Qty Shipped", "quantity")]
    [InlineData("Ship Via", "ship_date")]
    [InlineData("Datacenter Flag", "datacenter")]
    [InlineData("Consignee Country", "destination_country")]
    [InlineData("SKUs", "sku")]
    public void AHeaderThatLooksLikeAScreeningColumn_IsNamedWithTheNearestColumn(string header, string nearest) =>
        Assert.Equal(nearest, OrderColumns.LooksLike(header));

    /// <summary>ERP column names for a party's country or end use, which ChipScreen does not read: each must stop a file
    /// (<c>ScreenCommandTests</c> runs them through the command line).</summary>
    public static TheoryData<string> ErpPartyCountryOrEndUseColumns =>
        ["Ultimate Owner Domicile", "Owner Location", "Ultimate Owner", "Endkunde Land", "Kunde Land", "Sold-To Land", "Endverbleib"];

    [Theory]
    [MemberData(nameof(ErpPartyCountryOrEndUseColumns))]
    [InlineData("Land")]
    [InlineData("Domicile")]
    [InlineData("Endkunde")]
    public void AnErpNameForAPartysCountryOrEndUse_LooksLikeAScreeningColumn(string header) =>
        Assert.NotNull(OrderColumns.LooksLike(header));

    [Theory]
    [InlineData("Net Value")]
    [InlineData("Net Value USD")]
    [InlineData("Incoterms")]
    [InlineData("Currency")]
    [InlineData("Unit Price")]
    [InlineData("Relationship Manager")] // "ship" only as a word's start
    [InlineData("Designation")]
    [InlineData("Partner Id")] // "part" only as a word
    [InlineData("end_user_country")] // a column ChipScreen reads
    [InlineData("Ship-To Country")]
    [InlineData("Landed Cost")] // "land" only as a word
    [InlineData("Landed Cost EUR")]
    [InlineData("Account Owner")] // "owner" only beside a place
    [InlineData("Order Owner")]
    [InlineData("Storage Location")]
    [InlineData("Plant")]
    [InlineData("Sales Organization")]
    [InlineData("Distribution Channel")]
    [InlineData("Seats")]
    public void AHeaderThatDoesNotLookLikeAScreeningColumn_OrIsOne_IsNotNamed(string header) =>
        Assert.Null(OrderColumns.LooksLike(header));

    [Fact]
    public void ColumnsThatLookLikeScreeningColumnsButAreNot_StopTheFile_NamingEachWithTheNearestColumnAndTheColumnsRead()
    {
        // Ignored as unknown, "Country of End User" CN left the line NLR-able and "End User HQ" CN made AIA of a PROHIBITED line.
        var e = Assert.Throws<OrderFileException>(() => OrderCsvReader.FromText("order_id,sku,quantity,destination_country,end_user,Country of End User,End User HQ,Net Value\n"));
        Assert.Equal("orders.csv: columns 'Country of End User' (did you mean end_user_country?), 'End User HQ' (did you mean end_user_hq_country?) are not ones " +
                     "ChipScreen reads, but their names look like ones it screens, which would be left unscreened. Rename each to the column it holds, or, " +
                     "if ChipScreen should not read them, ignore them by name (--ignore-column \"Country of End User\" --ignore-column \"End User HQ\"). " +
                     "ChipScreen reads order_id, line, ship_date, sku, tpp, die_area_mm2, datacenter, chips_per_unit, quantity, destination_country, end_user, " +
                     "end_user_country, end_user_hq_country, consignee, end_use (the README lists the other names it accepts for them)", e.Message);
    }

    [Fact]
    public void AColumnThatLooksLikeAScreeningColumn_IsIgnored_WhenNamedToBe_IgnoringCaseAndSeparators()
    {
        using var reader = OrderCsvReader.FromText("order_id,sku,quantity,destination_country,end_user,Country of End User,End User HQ\nSO-1,H100-SXM5-80GB,1,DE,Acme,CN,CN\n",
            ignoreColumns: ["country of end user", "END_USER_HQ"]);
        var line = reader.ReadLines().Single();
        Assert.Equal(["Country of End User", "End User HQ"], reader.IgnoredColumns);
        Assert.Equal(("DE", null, null), (line.DestinationCountry, line.EndUserCountry, line.EndUserHqCountry));
    }

    [Theory]
    [InlineData("qty")]
    [InlineData("End User Country")]
    public void AColumnChipScreenReads_CannotBeNamedToBeIgnored(string name)
    {
        var e = Assert.Throws<OrderFileException>(() => OrderCsvReader.FromText("order_id,sku,qty,destination_country,end_user\n", ignoreColumns: [name]));
        Assert.Contains($"the column to ignore '{name}' is ", e.Message);
        Assert.Contains(", which ChipScreen reads and screens; only columns it does not read can be ignored", e.Message);
    }

    [Theory]
    [InlineData("order_id")]
    [InlineData("quantity")]
    [InlineData("destination_country")]
    [InlineData("end_user")]
    public void MissingRequiredHeader_ThrowsNamingIt(string column)
    {
        var header = Header.Replace(column + ",", "").Replace("," + column, "");
        var e = Assert.Throws<OrderFileException>(() => OrderCsvReader.FromText(header + "\n"));
        Assert.Contains($"'{column}'", e.Message);
    }

    [Fact]
    public void NeitherSkuNorTpp_ThrowsNamingBoth()
    {
        var e = Assert.Throws<OrderFileException>(() => OrderCsvReader.FromText("order_id,quantity,destination_country,end_user\n"));
        Assert.Contains("'sku' or 'tpp'", e.Message);
    }

    [Fact]
    public void TwoColumnsForOneField_Throws()
    {
        var e = Assert.Throws<OrderFileException>(() => OrderCsvReader.FromText("order_id,qty,quantity,destination_country,end_user,sku\n"));
        Assert.Contains("both mean quantity", e.Message);
    }

    [Theory]
    [InlineData(';', "semicolons")]
    [InlineData('\t', "tabs")]
    [InlineData('|', "vertical bars")]
    public void AHeaderSeparatedByAnotherCharacter_IsNamed_NotReportedAsMissingColumns(char separator, string name)
    {
        var header = string.Join(separator, "order_id", "sku", "quantity", "destination_country", "end_user");
        var e = Assert.Throws<OrderFileException>(() => OrderCsvReader.FromText(header + "\nSO-1" + separator + "H100-SXM5-80GB" + separator + "8" + separator + "DE" + separator + "Acme\n"));
        Assert.Contains($"separated by {name}, not commas", e.Message);
        Assert.DoesNotContain("missing", e.Message);
    }

    [Fact]
    public void AOneColumnHeaderThatNamesNoColumn_IsStillReportedAsMissingColumns()
    {
        var e = Assert.Throws<OrderFileException>(() => OrderCsvReader.FromText("part;count\nH100;8\n"));
        Assert.Contains("missing required columns", e.Message);
    }

    [Fact]
    public void ADirectoryGivenAsTheOrderFile_IsNamedAsOne()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<OrderFileException>(() => OrderCsvReader.Open(dir.Path));
        Assert.Equal($"{dir.Path}: is a directory; give the order file (CSV)", e.Message);
    }

    [Fact]
    public void EmptyFile_Throws() =>
        Assert.Throws<OrderFileException>(() => OrderCsvReader.FromText(""));

    [Fact]
    public void BomCrlfAndQuotedCommas_ReadNormally()
    {
        var text = "\uFEFF" + Header + "\r\n\"SO-1\",1,,\"H100-SXM5-80GB\",,,,,2,DE,\"Acme, Inc.\",,,,\"training, inference\"\r\n";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text[1..])).ToArray();
        using var reader = OrderCsvReader.Open(new MemoryStream(bytes), "orders.csv");
        var line = reader.ReadLines().Single();
        Assert.Equal(("SO-1", "Acme, Inc.", "training, inference"), (line.OrderId, line.EndUser, line.EndUse));
        Assert.Empty(line.Issues);
    }

    [Fact]
    public void TooFewColumns_IsKeptWithAnIssue()
    {
        var lines = Read(Header + "\nSO-1,1,,H100-SXM5-80GB,,,,,2,DE\nSO-2,1,,H100-SXM5-80GB,,,,,2,DE,Acme GmbH,,,,\n");
        Assert.Equal(2, lines.Count);
        var issue = Assert.Single(lines[0].Issues);
        Assert.Equal(IssueCodes.RowFieldCount, issue.Code);
        Assert.Contains("10 fields where the header has 15", issue.Message);
        Assert.Empty(lines[1].Issues);
    }

    [Fact]
    public void TooManyColumns_IsKeptWithAnIssue_ThatHoldsTheValuesNoColumnNames()
    {
        var lines = Read(Header + "\nSO-1,1,,H100-SXM5-80GB,,,,,2,DE,\"Frankfurt Compute GmbH\", Co. KG,,,,hosting\n"
            + "SO-2,1,,H100-SXM5-80GB,,,,,2,DE,Acme GmbH,,,,,a,b,c,d,e," + new string('x', 100) + "\n"
            + "SO-3,1,,H100-SXM5-80GB,,,,,2,DE,Acme GmbH,,,,," + new string('y', 100) + "\n");
        Assert.Equal("row has 16 fields where the header has 15 (beyond it: 'hosting'); check for an unquoted comma or a missing value", Assert.Single(lines[0].Issues).Message);
        Assert.Equal("row has 21 fields where the header has 15 (beyond it: 'a', 'b', 'c', 'd', 'e', ...); check for an unquoted comma or a missing value", Assert.Single(lines[1].Issues).Message);
        Assert.Contains($"(beyond it: '{new string('y', 80)}...')", Assert.Single(lines[2].Issues).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("1.5")]
    [InlineData("ten")]
    [InlineData("1,000")]
    public void BadQuantity_IsAnIssueNamingTheField(string quantity)
    {
        var line = Read(Header + $"\nSO-1,1,,H100-SXM5-80GB,,,,,\"{quantity}\",DE,Acme GmbH,,,,\n").Single();
        var issue = Assert.Single(line.Issues);
        Assert.Equal("quantity", issue.Field);
        Assert.Contains($"'{quantity}'", issue.Message);
        Assert.Null(line.Quantity);
    }

    [Theory]
    [InlineData("ship_date", "31.12.2025")]
    [InlineData("ship_date", "2025-02-30")]
    [InlineData("tpp", "15,832")]
    [InlineData("die_area_mm2", "large")]
    [InlineData("datacenter", "maybe")]
    [InlineData("chips_per_unit", "eight")]
    [InlineData("line", "A")]
    public void BadField_IsAnIssueNamingTheField(string field, string value)
    {
        var values = new Dictionary<string, string>
        {
            ["order_id"] = "SO-1", ["line"] = "1", ["quantity"] = "1", ["destination_country"] = "DE", ["end_user"] = "Acme", ["sku"] = "H100-SXM5-80GB",
        };
        values[field] = value;
        var columns = Header.Split(',');
        var row = string.Join(',', columns.Select(c => values.TryGetValue(c, out var v) ? $"\"{v}\"" : ""));
        var line = Read(Header + "\n" + row + "\n").Single();
        Assert.Equal(field, Assert.Single(line.Issues).Field);
    }

    [Theory]
    [InlineData("line", "99999999999999999999", "is too large")]
    [InlineData("quantity", "99999999999999999999", "is too large")]
    [InlineData("chips_per_unit", "99999999999999999999", "is too large")]
    [InlineData("line", "3000000000", "is too large")]
    [InlineData("quantity", "999999999999999999999999999999999999", "is too large")] // past decimal's digits too
    [InlineData("line", "0", "is not a positive whole number")]
    [InlineData("line", "-99999999999999999999", "is not a positive whole number")]
    [InlineData("line", "1.5", "is not a positive whole number")]
    public void AWholeNumberFieldThatIsTooLarge_IsHeldAsTooLarge_TheSameForLineAndQuantity(string field, string value, string why)
    {
        var values = new Dictionary<string, string>
        {
            ["order_id"] = "SO-1", ["line"] = "1", ["quantity"] = "1", ["destination_country"] = "DE", ["end_user"] = "Acme", ["sku"] = "H100-SXM5-80GB",
        };
        values[field] = value;
        var columns = Header.Split(',');
        var row = string.Join(',', columns.Select(c => values.TryGetValue(c, out var v) ? $"\"{v}\"" : ""));
        var issue = Assert.Single(Read(Header + "\n" + row + "\n").Single().Issues);
        Assert.Equal((field, $"{field} '{value}' {why}"), (issue.Field, issue.Message));
    }

    [Fact]
    public void BytesThatAreNotUtf8_HoldTheirField_ShowingWhereTheyAre()
    {
        // "Müller" saved as Windows-1252: the 0xFC is not UTF-8. Read as "M\uFFFDller" it could miss a listed "Müller".
        var bytes = Encoding.UTF8.GetBytes(Header + "\nSO-1,1,,H100-SXM5-80GB,,,,,2,DE,M")
            .Append((byte)0xFC).Concat(Encoding.UTF8.GetBytes("ller GmbH,,,,\nSO-2,1,,H100-SXM5-80GB,,,,,2,DE,Acme,,,,\n")).ToArray();
        using var reader = OrderCsvReader.Open(new MemoryStream(bytes), "orders.csv");
        var lines = reader.ReadLines().ToList();
        var issue = Assert.Single(lines[0].Issues);
        Assert.Equal(("end_user", IssueCodes.Invalid), (issue.Field, issue.Code));
        Assert.Equal("end_user 'M\uFFFDller GmbH' has bytes that are not UTF-8 (shown as \uFFFD): orders must be UTF-8 text", issue.Message);
        Assert.Empty(lines[1].Issues);
    }

    [Fact]
    public void AFieldLongerThanAnyNeeds_IsHeld_AndOnlyItsStartScreened_ButKeptWholeAsRead()
    {
        // Matching a 200,000-character "name" took seconds; a real one is at most a few hundred characters.
        var name = string.Concat(Enumerable.Repeat("Acme Trading ", 400)); // 5,200 characters
        var line = Read(Header + "\nSO-1,1,,H100-SXM5-80GB,,,,,2,DE," + name + ",,,,\n").Single();
        var issue = Assert.Single(line.Issues);
        Assert.Equal("end_user is 5,200 characters long; no order field needs more than 1,000 (only the first 1,000 are screened)", issue.Message);
        Assert.Equal(name[..1000].Trim(), line.EndUser);
        Assert.Equal(name, line.Raw![10]);
    }

    [Fact]
    public void BadlyQuotedRow_IsKeptWithAnIssue()
    {
        var lines = Read(Header + "\nSO-1,1,,H100-SXM5-80GB,,,,,2,DE,Acme \"Big\" GmbH,,,,\nSO-2,1,,H100-SXM5-80GB,,,,,2,DE,Acme GmbH,,,,\n");
        Assert.Equal(2, lines.Count);
        Assert.Equal(IssueCodes.RowMalformed, Assert.Single(lines[0].Issues).Code);
        Assert.Empty(lines[1].Issues);
    }

    [Fact]
    public void UnterminatedQuote_StopsTheFile()
    {
        var e = Assert.Throws<OrderFileException>(() => Read(Header + "\nSO-1,1,,H100-SXM5-80GB,,,,,2,DE,\"Acme GmbH,,,,\nSO-2,1,,H100,,,,,2,DE,Acme,,,,\n"));
        Assert.Contains("never closed", e.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void AStrayQuoteInTheHeader_StopsTheFile_NamingTheHeaderAndTheColumn(int threads)
    {
        // Read as 'Rack Size 19"' the column would be ignored, but the quote the header opens could as well have taken in
        // the rows after it; and reading a data row after the header's quoting was reported failed with "unexpected failure".
        var csv = "order_id,line,sku,quantity,destination_country,end_user,Rack Size 19\"\nSO1,1,H100-SXM5-80GB,64,US,Acme,x\n";
        var e = Assert.Throws<OrderFileException>(() =>
        {
            using var reader = OrderCsvReader.FromText(csv);
            return reader.Map(l => l, threads).ToList();
        });
        Assert.Equal("orders.csv: the header row (line 1) has malformed quoting (a stray or unbalanced quote) in column 'Rack Size 19\"': " +
            "write the header without quotes, or quote the name and double the quote inside (\"Rack Size 19\"\"\")", e.Message);
    }

    [Fact]
    public void AStrayQuoteInTheHeader_OfAFileWithoutRows_StopsTheFileToo() =>
        Assert.Contains("the header row (line 1) has malformed quoting",
            Assert.Throws<OrderFileException>(() => OrderCsvReader.FromText("order_id,sku,quantity,destination_country,end_user,a\"b\n")).Message);

    [Theory]
    [InlineData("utf-16le", "UTF-16")]
    [InlineData("utf-16BE", "UTF-16")]
    [InlineData("utf-32", "UTF-32")]
    public void TextInUtf16Or32WithoutAByteOrderMark_StopsTheFile_InsteadOfBecomingRowsOfNulBytes(string encoding, string named)
    {
        // Without a BOM the file is read as UTF-8: the header still matched (its NUL bytes are not letters), and each
        // line became phantom rows of NUL-riddled text.
        var text = "order_id,sku,quantity,destination_country,end_user\nSO1,H100-SXM5-80GB,64,DE,Acme\n";
        var bytes = Encoding.GetEncoding(encoding).GetBytes(text); // GetBytes writes no byte order mark
        var e = Assert.Throws<OrderFileException>(() => OrderCsvReader.Open(new MemoryStream(bytes), "orders.csv"));
        Assert.Equal($"orders.csv: the file is not UTF-8: its header row holds NUL bytes, as {named} text without a byte-order mark does; save it as UTF-8 (\"CSV UTF-8\")", e.Message);
    }

    [Fact]
    public void ABinaryFileGivenAsOrders_IsNamedAsOne()
    {
        var bytes = new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0x0A };
        var e = Assert.Throws<OrderFileException>(() => OrderCsvReader.Open(new MemoryStream(bytes), "orders.xlsx"));
        Assert.StartsWith("orders.xlsx: the file is not UTF-8 text: its header row holds NUL bytes", e.Message);
    }

    private const string SO1 = "SO1,1,2025-07-02,H100-SXM5-80GB,,,,,64,DE,Nordlicht GmbH,,,,training";
    private const string SO3 = "SO3,1,2025-07-02,H100-SXM5-80GB,,,,,512,CN,Evil Corp,,,,training";
    private const string SO4 = "SO4,1,2025-07-02,H100-SXM5-80GB,,,,,64,DE,\"Acme, Inc.\",,,,training";
    private const string SO5 = "SO5,1,2025-07-02,H100-SXM5-80GB,,,,,64,DE,Nordlicht GmbH,,,,training";

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void AQuoteThatClosesAtAFieldsEndOnALaterLine_HoldsTheLineThatTookInTheRows_NamingTheFieldAndTheFileLines(int threads)
    {
        // Valid RFC 4180: SO2's end use runs from its quote on line 3 to the one closing SO3's row on line 4, so the China
        // order SO3 was read as SO2's end use, and SO2 passed (AIA).
        var csv = string.Join('\n', Header, SO1, "SO2,1,2025-07-02,H100-SXM5-80GB,,,,,64,DE,Nordlicht GmbH,,,,\"19 inch rack", SO3 + "\"", SO4, SO5) + "\n";
        using var reader = OrderCsvReader.FromText(csv);
        var lines = reader.Map(l => l, threads).ToList();

        Assert.Equal(["SO1", "SO2", "SO4", "SO5"], lines.Select(l => l.OrderId));
        var issue = Assert.Single(lines[1].Issues);
        Assert.Equal((IssueCodes.RowSpansLines, "end_use"), (issue.Code, issue.Field));
        Assert.Equal("end_use holds line breaks followed by commas, as if it had taken in rows: file lines 3-4 were read as one order line: " +
                     "check the quoting (a quote left open takes in the rows after it)", issue.Message);
        Assert.All(lines.Where(l => l.OrderId != "SO2"), l => Assert.Empty(l.Issues));
    }

    [Fact]
    public void AQuoteThatClosesInsideALaterRow_NamesTheFileLinesItTookIn()
    {
        // 5 file lines in, 3 order lines out: SO2's quote closes at SO4's "Acme, which leaves SO2 malformed and SO3 and SO4 gone.
        var csv = string.Join('\n', Header, SO1, "SO2,1,2025-07-02,H100-SXM5-80GB,,,,,64,DE,Nordlicht GmbH,,,,\"19 inch rack", SO3, SO4, SO5) + "\n";
        var lines = Read(csv);

        Assert.Equal(["SO1", "SO2", "SO5"], lines.Select(l => l.OrderId));
        Assert.Equal([IssueCodes.RowFieldCount, IssueCodes.RowSpansLines, IssueCodes.RowMalformed], lines[1].Issues.Select(i => i.Code));
        Assert.Contains("end_use holds line breaks followed by commas, as if it had taken in rows: file lines 3-5 were read as one order line: check the quoting",
            lines[1].Issues[1].Message, StringComparison.Ordinal);
        Assert.Equal((3L, 6L), (lines[2].Row, lines[2].SourceLine));
    }

    [Fact]
    public void AMalformedQuoteThatTakesInTheNextLineWithoutItsCommas_StillNamesTheFileLines()
    {
        // The quote closes at the start of the next line, so SO3's commas split fields after it rather than sit inside one.
        var csv = string.Join('\n', Header, "SO2,1,2025-07-02,H100-SXM5-80GB,,,,,64,DE,Nordlicht GmbH,,,,\"19 inch rack", "\"" + SO3, SO5) + "\n";
        var lines = Read(csv);

        Assert.Equal(["SO2", "SO5"], lines.Select(l => l.OrderId));
        Assert.Equal("row has malformed quoting (a stray or unbalanced quote) and runs over file lines 2-3, which were read as one order line: check the quoting",
            Assert.Single(lines[0].Issues, i => i.Code == IssueCodes.RowMalformed).Message);
    }

    [Theory]
    [InlineData("\"Multi\nLine GmbH\"")]
    [InlineData("\"Acme, Inc.\r\nHauptstrasse 1\r\n10115 Berlin\"")]
    public void AFieldOnSeveralLinesWithoutCommasAfterItsFirst_IsReadAsItIs(string endUser)
    {
        var lines = Read(Header + "\nSO-1,1,,H100-SXM5-80GB,,,,,1,DE," + endUser + ",,,,\nSO-2,1,,H100-SXM5-80GB,,,,,1,DE,Acme,,,,\n");
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Empty(l.Issues));
        Assert.Equal(endUser.Trim('"'), lines[0].EndUser);
    }

    [Fact]
    public void AnIgnoredColumnThatTookInRows_IsNamedByItsHeader()
    {
        var csv = "order_id,sku,quantity,destination_country,end_user,Notes\nSO1,H100-SXM5-80GB,1,DE,Acme,\"see\nSO2,H100-SXM5-80GB,1,CN,Evil Corp,\"\n";
        var issue = Assert.Single(Assert.Single(Read(csv)).Issues);
        Assert.Equal("column 'Notes' holds line breaks followed by commas, as if it had taken in rows: file lines 2-3 were read as one order line: " +
                     "check the quoting (a quote left open takes in the rows after it)", issue.Message);
    }

    [Fact]
    public void RowsKeepTheirRowAndFileLineNumbers()
    {
        var lines = Read(Header + "\nSO-1,1,,H100-SXM5-80GB,,,,,1,DE,\"Multi\nLine GmbH\",,,,\nSO-2,1,,H100-SXM5-80GB,,,,,1,DE,Acme,,,,\n");
        Assert.Equal([(1L, 2L), (2L, 4L)], lines.Select(l => (l.Row, l.SourceLine)));
        Assert.Equal("row 2 (line 4)", lines[1].Where);
    }

    [Fact]
    public void ParallelReading_GivesTheSameLinesInOrder()
    {
        var sb = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < 20_000; i++)
            sb.Append($"SO-{i},1,,H100-SXM5-80GB,,,,,{i % 7 + 1},DE,\"Buyer {i}, Ltd\",,,,\n");
        sb.Append("SO-bad,1,,H100-SXM5-80GB,,,,,1,DE,Acme \"x\" GmbH,,,,\n");
        var serial = OrderCsvReader.FromText(sb.ToString()).ReadLines().ToList();
        using var reader = OrderCsvReader.FromText(sb.ToString());
        var parallel = reader.Map(l => l, 4).ToList();
        Assert.Equal(serial.Count, parallel.Count);
        Assert.Equal(serial.Select(l => (l.Row, l.OrderId, l.Quantity, l.Issues.Length)), parallel.Select(l => (l.Row, l.OrderId, l.Quantity, l.Issues.Length)));
        Assert.Equal(IssueCodes.RowMalformed, parallel[^1].Issues.Single().Code);
    }
}
