using ChipScreen.Parties;

namespace ChipScreen.Tests.Parties;

/// <summary>The identity key of a party's name: what makes two spellings one consignee, one validated end user.</summary>
public class PartyNamesTests
{
    [Theory]
    [InlineData("Acme  Ltd.", "ACME LTD")]
    [InlineData("ACME LIMITED", "ACME LTD")]
    [InlineData("Acme Incorporated", "ACME INC")]
    [InlineData("Acme Corporation", "ACME CORP")]
    [InlineData("Acme Company Limited", "ACME CO LTD")]
    [InlineData("Acme Co., Ltd.", "ACME CO LTD")]
    [InlineData("Acme Public Limited Company", "ACME PLC")]
    [InlineData("Acme PLC", "ACME PLC")]
    [InlineData("Acme Limited Liability Company", "ACME LLC")]
    [InlineData("Acme L.L.C.", "ACME LLC")]
    [InlineData("Acme Private Limited", "ACME PTE LTD")]
    [InlineData("Acme Pvt. Ltd.", "ACME PTE LTD")]
    [InlineData("Acme Pte. Ltd.", "ACME PTE LTD")]
    [InlineData("Acme Gesellschaft mit beschränkter Haftung", "ACME GMBH")]
    [InlineData("Acme G.m.b.H.", "ACME GMBH")]
    [InlineData("Acme Aktiengesellschaft", "ACME AG")]
    [InlineData("Acme Sociedad Anónima", "ACME SA")]
    [InlineData("Acme Société Anonyme", "ACME SA")]
    [InlineData("Acme S.A.", "ACME SA")]
    [InlineData("Acme Kabushiki Kaisha", "ACME KK")]
    [InlineData("Acme Besloten Vennootschap", "ACME BV")]
    [InlineData("Acme Naamloze Vennootschap", "ACME NV")]
    public void ALegalFormWrittenOut_KeysAsItsAbbreviation(string name, string key) => Assert.Equal(key, PartyNames.Key(name));

    [Theory]
    [InlineData("Acme Ltd", "Acme GmbH")]
    [InlineData("Acme Corp", "Acme Co")]
    [InlineData("Acme Inc", "Acme LLC")]
    [InlineData("Limited Editions Co", "Ltd Editions Company Holdings")]
    public void DifferentLegalForms_AndDifferentNames_StayApart(string one, string other) =>
        Assert.NotEqual(PartyNames.Key(one), PartyNames.Key(other));

    [Theory]
    [InlineData("Republic Ltd Co", "REPUBLIC LTD CO")] // "PUBLIC LTD CO" only as whole words
    [InlineData("Limitedness Inc", "LIMITEDNESS INC")]
    [InlineData("The Company Store", "THE CO STORE")] // folded wherever the word stands, in every name alike
    [InlineData("", "")]
    [InlineData(" .,- ", "")]
    public void OnlyWholeWordsFold(string name, string key) => Assert.Equal(key, PartyNames.Key(name));

    [Theory]
    [InlineData("Acme Public Limited Company")]
    [InlineData("ACME LIMITED LIABILITY COMPANY")]
    [InlineData("Société Générale Private Limited")]
    [InlineData("Müller Aktiengesellschaft & Co. Kommanditgesellschaft")]
    [InlineData("Ｆｕｌｌｗｉｄｔｈ Corporation")]
    public void AKeyKeysAsItself_SoThatALedgersStoredKeysCanBeFoldedAgain(string name)
    {
        var key = PartyNames.Key(name);
        Assert.Equal(key, PartyNames.Key(key));
    }

    [Fact]
    public void ALongNameIsKeyedWhole()
    {
        var name = string.Join(" ", Enumerable.Repeat("Compute Limited", 100));
        Assert.Equal(string.Join(" ", Enumerable.Repeat("COMPUTE LTD", 100)), PartyNames.Key(name));
    }
}
