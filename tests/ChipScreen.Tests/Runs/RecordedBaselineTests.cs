using System.Text.Json;
using ChipScreen.Parties;
using ChipScreen.Runs;

namespace ChipScreen.Tests.Runs;

/// <summary>The volumes a report.json recorded before its batch, as verify reads them back.</summary>
public class RecordedBaselineTests
{
    [Fact]
    public void ConsigneeKeysRecordedBeforeLegalFormsWereFolded_AreReadAsTheKeysOfToday()
    {
        using var report = JsonDocument.Parse("""
            {"volumes":{
              "consignee_year":[
                {"consignee":"LAKE COMPUTE LIMITED","year":"2025","before":15000000},
                {"consignee":"LAKE COMPUTE LTD","year":"2025","before":10000000},
                {"consignee":"LAKE COMPUTE LTD","year":"2026","before":7},
                {"consignee":"OTHER HUB GMBH","year":"2025","before":3}],
              "country_allocation":[{"country":"IN","period":"2025-2027","before":4800}]}}
            """);
        var baseline = RecordedBaseline.Read(report.RootElement);
        Assert.Equal(25_000_000m, baseline.ConsigneeYear("LAKECOMPUTELTD", 2025));
        Assert.Equal(0m, baseline.ConsigneeYear("LAKE COMPUTE LIMITED", 2025));
        Assert.Equal(7m, baseline.ConsigneeYear("LAKECOMPUTELTD", 2026));
        Assert.Equal(3m, baseline.ConsigneeYear("OTHERHUBGMBH", 2025));
        Assert.Equal(4_800m, baseline.CountryAllocation("IN", "2025-2027"));
    }

    [Fact]
    public void ConsigneeKeysRecordedBeforeLookAlikesWereReadAsLatin_AreReadAsTheKeysOfToday()
    {
        using var report = JsonDocument.Parse("""
            {"volumes":{
              "consignee_year":[
                {"consignee":"S\u041CICLTD","year":"2025","before":15000000},
                {"consignee":"SMICLTD","year":"2025","before":10000000}],
              "country_allocation":[]}}
            """);
        var baseline = RecordedBaseline.Read(report.RootElement);
        Assert.Equal(25_000_000m, baseline.ConsigneeYear(PartyNames.Key("S\u041CIC Ltd"), 2025));
        Assert.Equal(25_000_000m, baseline.ConsigneeYear("SMICLTD", 2025));
    }
}
