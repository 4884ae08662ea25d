using ChipScreen.Parties;
using ChipScreen.Tests.Support;

namespace ChipScreen.Tests.Parties;

public class PartyListReaderTests
{
    private static string List(string file) => Path.Combine(Repo.Data, "lists", file);

    [Fact]
    public void CurrentCsl_IsReadAsPublished()
    {
        var set = PartyListReader.Read([List("csl-sample-2025.csv")]);
        Assert.Equal(13, set.Entries.Count);
        var cetc = set.Entries.Single(e => e.Name.Contains("CETC 13", StringComparison.Ordinal));
        Assert.Equal(ListCodes.EntityList, cetc.List);
        Assert.Equal("99ed1b052fdb09695fae1ba87516d8a0882b0df04652e07aeb5ce7be", cetc.Id);
        Assert.Equal("83 FR 37423; 87 FR 77505", cetc.FederalRegisterNotice);
        Assert.Equal(LicensePolicy.Denial, cetc.Policy);
        Assert.Equal(["CN"], cetc.Countries.ToArray());
        Assert.Contains("CETC Research Institute 13", cetc.Aliases); // "and CETC Research Institute 13"
        Assert.Contains("HSRI", cetc.Aliases);
        Assert.Equal(ListCodes.Sdn, set.Entries.Single(e => e.Name == "RIM, Ryong Nam").List);
        Assert.Equal(ListCodes.Unverified, set.Entries.Single(e => e.Name == "Atlas Sanatgaran").List);
        Assert.Equal(ListCodes.DeniedPersons, set.Entries.Single(e => e.Name == "I. ASH").List);
        Assert.Equal(ListCodes.MilitaryEndUser, set.Entries.Single(e => e.Name.StartsWith("Academy of Aerospace", StringComparison.Ordinal)).List);
        Assert.Equal(ListCodes.OfacNonSdn, set.Entries.Single(e => e.Name == "ROSNEFT TRADE LIMITED").List);
        Assert.Equal(ListCodes.StateDepartment, set.Entries.Single(e => e.Name.StartsWith("Sinobright", StringComparison.Ordinal)).List);
        Assert.Equal("Sinobright Import and Export Company", set.Entries.Single(e => e.Name.StartsWith("Sinobright", StringComparison.Ordinal)).Name);
    }

    [Fact]
    public void OlderCsl_WithoutId_GetsStableIds()
    {
        var first = PartyListReader.Read([List("csl-sample-2019.csv")]);
        var second = PartyListReader.Read([List("csl-sample-2019.csv")]);
        Assert.Equal(115, first.Entries.Count);
        Assert.Equal(22, first.Entries.Count(e => e.List == ListCodes.EntityList));
        Assert.Equal(first.Entries.Select(e => e.Id), second.Entries.Select(e => e.Id));
        Assert.Equal("20264", first.Entries.Single(e => e.Name == "200G PSA HOLDINGS LLC").Id); // the OFAC entity number
        Assert.All(first.Entries, e => Assert.False(string.IsNullOrEmpty(e.Id)));
    }

    [Fact]
    public void DeniedPersonsList_IsRead()
    {
        var set = PartyListReader.Read([List("bis-dpl-2019.tsv")]);
        Assert.True(set.Entries.Count > 500);
        Assert.All(set.Entries, e => Assert.Equal(ListCodes.DeniedPersons, e.List));
        var entry = set.Entries.First(e => e.Name == "AARON ROBERT HENDERSON");
        Assert.Equal(["US"], entry.Countries.ToArray());
        Assert.Equal("75 F.R. 32740 6/9/10", entry.FederalRegisterNotice);
        Assert.StartsWith("dpl-", entry.Id, StringComparison.Ordinal);
    }

    [Fact]
    public void OfacSdnFile_TakesItsAliasesFromTheAltFile()
    {
        var set = PartyListReader.Read([List("ofac-sdn-2019.csv"), List("ofac-alt-2019.csv")]);
        Assert.True(set.Entries.Count > 7000);
        var bank = set.Entries.Single(e => e.Id == "sdn-306");
        Assert.Equal("BANCO NACIONAL DE CUBA", bank.Name);
        Assert.Contains("NATIONAL BANK OF CUBA", bank.Aliases);
        Assert.True(set.Entries.Sum(e => 1 + e.Aliases.Length) > 10_000);
    }

    [Theory]
    [InlineData("Joze Gutierrez Reyes", "sdn-899")] // GUTIERREZ REYES, Jose
    [InlineData("Abed Hammadou", "sdn-10937")] // HAMMADOU, Abid
    [InlineData("Aly Atwa", "sdn-6921")] // ATWA, Ali
    public void AListedIndividual_WithAShortNameSpelledALetterApart_IsAPotentialMatch(string name, string id)
    {
        var screening = new PartyScreening(PartyListReader.Read([List("ofac-sdn-2019.csv"), List("ofac-alt-2019.csv")]), PartyThresholds.Default);
        var candidate = screening.Screen(name, "").Single(c => c.Entry.Id == id);
        Assert.Equal(Verdicts.Review, candidate.Verdict);
        Assert.Contains("one letter apart", candidate.Explanation);
    }

    [Fact]
    public void OfacAltFile_WithoutItsSdnFile_IsAnError()
    {
        var e = Assert.Throws<PartyListException>(() => PartyListReader.Read([List("ofac-alt-2019.csv")]));
        Assert.Contains("sdn.csv", e.Message);
    }

    [Fact]
    public void ShippedCuratedList_IsReadWithCitations()
    {
        var set = PartyListReader.Read([Path.Combine(Repo.Rules, "lists", "entity-list-ai-chips.json")]);
        Assert.True(set.Entries.Count >= 30);
        Assert.All(set.Entries, e => Assert.Equal(ListCodes.EntityList, e.List));
        Assert.All(set.Entries, e => Assert.True(e.FederalRegisterNotice.Length > 0 || e.Note.Contains("not verified", StringComparison.Ordinal), e.Id));
        Assert.Equal("84 FR 22961", set.Entries.Single(e => e.Id == "el-huawei-technologies").FederalRegisterNotice);
        Assert.Equal("85 FR 83416", set.Entries.Single(e => e.Id == "el-smic").FederalRegisterNotice);
        Assert.Equal("87 FR 77505", set.Entries.Single(e => e.Id == "el-ymtc").FederalRegisterNotice);
        foreach (var name in new[] { "Huawei", "Semiconductor Manufacturing", "Yangtze Memory", "Sophgo", "Inspur", "Sugon", "Biren", "Moore Threads", "Zhipu", "China Electronics Technology Group", "National University of Defense Technology" })
            Assert.Contains(set.Entries, e => e.Name.Contains(name, StringComparison.Ordinal));
    }

    [Fact]
    public void ContentHash_ChangesWithTheEntry()
    {
        var entry = PartyListReader.Read([List("csl-sample-2025.csv")]).Entries[0];
        Assert.Equal(64, entry.ContentHash.Length);
        Assert.Equal(entry.ContentHash, (entry with { File = "elsewhere.csv", Row = 99 }).ContentHash);
        Assert.NotEqual(entry.ContentHash, (entry with { Aliases = ["Another Name"] }).ContentHash);
    }

    [Fact]
    public void MalformedCslRow_NamesFileAndRow()
    {
        using var dir = new TempDir();
        var lines = File.ReadAllLines(List("csl-sample-2025.csv"));
        lines[3] = lines[3][..(lines[3].Length / 2)]; // a row cut short
        var path = dir.Write("consolidated.csv", string.Join('\n', lines) + "\n");
        var e = Assert.Throws<PartyListException>(() => PartyListReader.Read([path]));
        Assert.Equal(3, e.Row);
        Assert.Contains(path, e.Message);
        Assert.Contains("row 3", e.Message);
    }

    [Fact]
    public void BrokenQuoting_NamesTheRow()
    {
        using var dir = new TempDir();
        var header = File.ReadLines(List("csl-sample-2019.csv")).First();
        var row = "Entity List (EL) - Bureau of Industry and Security,,,,\"Acme \"Trading\" Ltd,,CN,,,,,,,,,,,,,,,,,,,,,";
        var path = dir.Write("consolidated.csv", header + "\n" + row + "\n");
        var e = Assert.Throws<PartyListException>(() => PartyListReader.Read([path]));
        Assert.Equal(1, e.Row);
    }

    [Theory]
    [InlineData("consolidated.csv", "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids\n")]
    [InlineData("deny.json", "{ \"entries\": [] }")]
    [InlineData("dpl.txt", "\"Name\"\t\"Street_Address\"\t\"City\"\t\"State\"\t\"Country\"\t\"Postal_Code\"\t\"Effective_Date\"\t\"Expiration_Date\"\t\"Standard_Order\"\t\"Last_Update\"\t\"Action\"\t\"FR_Citation\"\n")]
    [InlineData("blank.csv", "")]
    public void EmptyList_IsAnError(string file, string text)
    {
        using var dir = new TempDir();
        var e = Assert.Throws<PartyListException>(() => PartyListReader.Read([dir.Write(file, text)]));
        Assert.Contains("empty", e.Message);
    }

    [Fact]
    public void UnknownFormat_SaysWhatIsRead()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<PartyListException>(() => PartyListReader.Read([dir.Write("list.csv", "company,country\nAcme,DE\n")]));
        Assert.Contains("Consolidated Screening List", e.Message);
    }

    [Fact]
    public void ProjectList_BadEntry_NamesFileRowAndLine()
    {
        using var dir = new TempDir();
        var path = dir.Write("deny.json", """
            {
              "entries": [
                { "id": "d1", "list": "internal_deny", "name": "Acme Diversion Ltd" },
                { "id": "d2", "list": "blacklist", "name": "Other Ltd" }
              ]
            }
            """);
        var e = Assert.Throws<PartyListException>(() => PartyListReader.Read([path]));
        Assert.Equal(2, e.Row);
        Assert.Equal(4, e.Line);
        Assert.Contains("\"blacklist\" is not a list code", e.Message);
    }

    [Fact]
    public void ProjectList_ReadsEntriesAndDispositions()
    {
        using var dir = new TempDir();
        var path = dir.Write("company.json", """
            {
              "entries": [ { "id": "d1", "list": "internal_deny", "name": "Acme Diversion Ltd", "aliases": ["Acme Div"], "countries": ["AE"] } ],
              "dispositions": [ { "name": "Huawei Fan Club", "entry_id": "el-huawei-technologies", "entry_hash": "0123456789abcdef",
                                  "reviewer": "J. Doe", "date": "2025-10-01", "reason": "a hobby club, not Huawei" } ]
            }
            """);
        var set = PartyListReader.Read([path]);
        Assert.Equal("Acme Diversion Ltd", set.Entries.Single().Name);
        Assert.Equal(["AE"], set.Entries.Single().Countries.ToArray());
        var d = set.Dispositions.Single();
        Assert.Equal(("J. Doe", new DateOnly(2025, 10, 1)), (d.Reviewer, d.Date));
        Assert.Single(set.Files);
        Assert.Equal(64, set.Files[0].Sha256.Length);
    }
}
