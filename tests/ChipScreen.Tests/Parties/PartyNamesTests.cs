using ChipScreen.Parties;

namespace ChipScreen.Tests.Parties;

/// <summary>The identity key of a party's name: what makes two spellings one consignee, one validated end user.</summary>
public class PartyNamesTests
{
    [Theory]
    [InlineData("Acme  Ltd.", "ACMELTD")]
    [InlineData("ACME LIMITED", "ACMELTD")]
    [InlineData("Acme Incorporated", "ACMEINC")]
    [InlineData("Acme Corporation", "ACMECORP")]
    [InlineData("Acme Company Limited", "ACMECOLTD")]
    [InlineData("Acme Co., Ltd.", "ACMECOLTD")]
    [InlineData("Acme Public Limited Company", "ACMEPLC")]
    [InlineData("Acme PLC", "ACMEPLC")]
    [InlineData("Acme Limited Liability Company", "ACMELLC")]
    [InlineData("Acme L.L.C.", "ACMELLC")]
    [InlineData("Acme Private Limited", "ACMEPTELTD")]
    [InlineData("Acme Pvt. Ltd.", "ACMEPTELTD")]
    [InlineData("Acme Pte. Ltd.", "ACMEPTELTD")]
    [InlineData("Acme Gesellschaft mit beschränkter Haftung", "ACMEGMBH")]
    [InlineData("Acme G.m.b.H.", "ACMEGMBH")]
    [InlineData("Acme Aktiengesellschaft", "ACMEAG")]
    [InlineData("Acme Sociedad Anónima", "ACMESA")]
    [InlineData("Acme Société Anonyme", "ACMESA")]
    [InlineData("Acme S.A.", "ACMESA")]
    [InlineData("Acme Kabushiki Kaisha", "ACMEKK")]
    [InlineData("Acme Besloten Vennootschap", "ACMEBV")]
    [InlineData("Acme Naamloze Vennootschap", "ACMENV")]
    public void ALegalFormWrittenOut_KeysAsItsAbbreviation(string name, string key) => Assert.Equal(key, PartyNames.Key(name));

    [Theory]
    [InlineData("Acme Ltd", "Acme GmbH")]
    [InlineData("Acme Corp", "Acme Co")]
    [InlineData("Acme Inc", "Acme LLC")]
    [InlineData("Limited Editions Co", "Ltd Editions Company Holdings")]
    public void DifferentLegalForms_AndDifferentNames_StayApart(string one, string other) =>
        Assert.NotEqual(PartyNames.Key(one), PartyNames.Key(other));

    [Theory]
    [InlineData("Republic Ltd Co", "REPUBLICLTDCO")] // "PUBLIC LTD CO" only as whole words (else "REPUBLC")
    [InlineData("Limitedness Inc", "LIMITEDNESSINC")]
    [InlineData("The Company Store", "THECOSTORE")] // folded wherever the word stands, in every name alike
    [InlineData("", "")]
    [InlineData(" .,- ", "")]
    public void OnlyWholeWordsFold(string name, string key) => Assert.Equal(key, PartyNames.Key(name));

    [Theory]
    [InlineData("O'Hara Compute Ltd", "O’Hara Compute Ltd")] // typographic apostrophe
    [InlineData("Hi-Tech Systems", "HiTech Systems")]
    [InlineData("Hi-Tech Systems", "Hi Tech Systems")]
    [InlineData("A.B.C. Systems", "A B C Systems")]
    [InlineData("Lake\u200BCompute", "Lake Compute")] // a zero-width space
    public void WhereANameBreaksItsWords_IsNoPartOfWhoseNameItIs(string one, string other) =>
        Assert.Equal(PartyNames.Key(one), PartyNames.Key(other));

    [Theory]
    [InlineData("Acme Public Limited Company", "ACME PUBLIC LIMITED COMPANY")]
    [InlineData("ACME LIMITED LIABILITY COMPANY", "ACME LIMITED LIABILITY COMPANY")]
    [InlineData("Société Générale Private Limited", "SOCIETE GENERALE PRIVATE LIMITED")]
    [InlineData("O’Hara Compute Ltd", "O HARA COMPUTE LTD")]
    [InlineData("A. B. C. Systems", "A B C SYSTEMS")]
    [InlineData("Ｆｕｌｌｗｉｄｔｈ Corporation", "FULLWIDTH CORPORATION")]
    public void AKeyStoredBeforeFoldingKeysAsTheNameDoesNow_SoThatALedgerCanBeMigrated(string name, string storedBefore)
    {
        Assert.Equal(PartyNames.Key(name), PartyNames.Key(storedBefore));
        Assert.Equal(PartyNames.Key(name), PartyNames.Key(PartyNames.Key(name)));
    }

    [Theory]
    [InlineData("S\u041CIC Ltd", "SMIC Ltd")]                 // a Cyrillic М
    [InlineData("\u0405\u041C\u0406\u0421 Ltd", "SMIC Ltd")]  // every letter Cyrillic: ЅМІС
    [InlineData("Lake Compute L\u0456mited", "Lake Compute Ltd")] // a Cyrillic і inside the legal form
    [InlineData("Lake Compute Public L\u0456mited Company", "Lake Compute PLC")]
    [InlineData("\u0391cme \u039Aabushiki Kaisha", "Acme KK")]   // Greek Α and Κ
    [InlineData("\u03B1cme corp", "ACME CORP")]                    // a small Greek α, read by its upper case
    public void ALookAlikeLetter_KeysAsTheLatinLetterItPassesFor(string name, string latin) =>
        Assert.Equal(PartyNames.Key(latin), PartyNames.Key(name));

    [Theory]
    [InlineData("S\u041CIC Ltd", "S\u041CICLTD")] // as ChipScreen stored it before: the look-alike upper-cased, not read as Latin
    [InlineData("\u0421\u041C\u0406\u0421 Limited", "\u0421\u041C\u0406\u0421LTD")]
    [InlineData("\u03B1cme \u0392ank", "\u0391CME\u0392ANK")]
    [InlineData("Lake Compute L\u0456mited", "LAKE COMPUTE L\u0406MITED")] // stored with its words apart (before schema 3)
    public void AKeyStoredBeforeLookAlikesWereReadAsLatin_KeysAsTheNameDoesNow(string name, string storedBefore)
    {
        Assert.Equal(PartyNames.Key(name), PartyNames.Key(storedBefore));
        Assert.Equal(PartyNames.Key(name), PartyNames.Key(PartyNames.Key(name)));
    }

    [Fact]
    public void AKeyStoredRunTogether_WithALookAlikeInItsLegalForm_CannotFoldTheFormAgain()
    {
        // The known corner (see PartyNames): the stored key lost the break before the form, so it folds as "AcmeLimited"
        // does. The ledger's migration 4 re-keys entries from their names for this reason.
        Assert.Equal("ACMELTD", PartyNames.Key("Acme L\u0406mited"));
        Assert.Equal("ACMELIMITED", PartyNames.Key("ACMEL\u0406MITED"));
    }

    [Fact]
    public void ALetterThatLooksLikeNoLatinLetter_StaysItself() =>
        Assert.Equal("\u0411AHK", PartyNames.Key("\u0431\u0430\u043D\u043A")); // "банк": б passes for no Latin letter; а, н and к do

    [Fact]
    public void ALongNameIsKeyedWhole()
    {
        var name = string.Join(" ", Enumerable.Repeat("Compute Limited", 100));
        Assert.Equal(string.Concat(Enumerable.Repeat("COMPUTELTD", 100)), PartyNames.Key(name));
    }
}
