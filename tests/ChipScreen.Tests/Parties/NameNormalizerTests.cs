using ChipScreen.Parties;

namespace ChipScreen.Tests.Parties;

public class NameNormalizerTests
{
    private static string Key(string name) => NameNormalizer.Normalize(name).Key;

    [Theory]
    [InlineData("HUAWEI TECHNOLOGIES CO., LTD.", "huawei technologies")]
    [InlineData("Ｈｕａｗｅｉ　Ｔｅｃｈｎｏｌｏｇｉｅｓ", "huawei technologies")] // full-width letters and space
    [InlineData("Société Générale S.A.", "societe generale")]
    [InlineData("Müller-Lüdenscheidt GmbH & Co. KG", "muller ludenscheidt")]
    [InlineData("Straße AG", "strasse")]
    [InlineData("J.P. Morgan & Co.", "jp morgan")]
    [InlineData("A.B.C. Company", "abc")]
    [InlineData("The Coca-Cola Company", "coca cola")]
    [InlineData("National Supercomputing Center in Tianjin", "national supercomputing center tianjin")]
    [InlineData("Deutsche Bank's AG", "deutsche bank")]
    [InlineData("OOO Oboronnye Initsiativy", "oboronnye initsiativy")]
    [InlineData("Volkswagen Gesellschaft mit beschränkter Haftung", "volkswagen")]
    [InlineData("Stripe Limited Liability Company", "stripe")]
    [InlineData("Siemens Aktiengeselschaft", "siemens")] // a misspelt legal form is still a legal form
    [InlineData("Tactical Missiles Corporation Joynt Stock Company", "tactical missiles")] // so is a legal phrase with one typo
    [InlineData("Joynt Venture Partners", "joynt venture partners")] // but not a word that only looks like its start
    [InlineData("华为技术有限公司", "华为技术")]
    [InlineData("Zhipu Huazhang Keji Youxian Gongsi", "zhipu huazhang keji")]
    public void LegalFormsPunctuationCaseAccentsAndWidth_AreIgnored(string name, string key) => Assert.Equal(key, Key(name));

    [Theory]
    [InlineData("CETC13", "cetc 13")]
    [InlineData("13th Research Institute", "13 research institute")]
    [InlineData("Brigade Forty-Four", "brigade 44")]
    [InlineData("Brigade Forty 4", "brigade 44")]
    [InlineData("First International Bank", "1 international bank")]
    [InlineData("Fund VIII L.P.", "fund 8")]
    [InlineData("Account 00123", "account 123")]
    public void Numbers_AreDigits(string name, string key) => Assert.Equal(key, Key(name));

    [Theory]
    [InlineData("Intl Trading Centre", "international trading center")]
    [InlineData("World Health Organisation", "world health organization")]
    [InlineData("Huawei Tech", "huawei technology")]
    [InlineData("United States Department of State", "us department state")]
    [InlineData("U.S.A. Department of State", "us department state")]
    [InlineData("United States of America Trading", "us trading")]
    [InlineData("United Kingdom Atomic Energy Authority", "uk atomic energy authority")]
    [InlineData("Shanghai IC Design", "shanghai integrated circuit design")]
    [InlineData("Chengdu Haiguang I.C. Co.", "chengdu haiguang integrated circuit")]
    [InlineData("Wuxi ICs Trading", "wuxi integrated circuits trading")]
    public void SpellingVariants_AreUnified(string name, string key) => Assert.Equal(key, Key(name));

    [Theory]
    [InlineData("S\u041CIC", "smic")]                                // Cyrillic "М"
    [InlineData("\u0405\u041C\u0406\u0421", "smic")]                 // all four Cyrillic look-alikes
    [InlineData("\u041Du\u0430w\u0435i Technologies", "huawei technologies")] // Cyrillic "Н", "а", "е"
    [InlineData("\u0397UAWEI \u03A4echnologies", "huawei technologies")] // Greek "Η", "Τ"
    [InlineData("\u041E\u041E\u041E Oboronnye Initsiativy", "oboronnye initsiativy")] // the Cyrillic legal form is still one
    [InlineData("\u0417\u0410\u041E \u0420\u043E\u043C\u0430\u0448\u043A\u0430", "poma\u0448ka")] // ЗАО Ромашка: only look-alikes are read as Latin
    public void LookAlikeLettersOfOtherScripts_ReadAsTheLatinLetters(string name, string key) => Assert.Equal(key, Key(name));

    [Fact]
    public void OnlyLegalForms_LeaveNothingToCompare() => Assert.True(NameNormalizer.Normalize("Co., Ltd.").IsEmpty);

    [Theory]
    [InlineData("technology", "Generic")]
    [InlineData("beijing", "Place")]
    [InlineData("wang", "Surname")]
    [InlineData("huawei", "Distinctive")]
    [InlineData("13", "Number")]
    [InlineData("华为", "Han")]
    public void Words_HaveAKind(string word, string kind) => Assert.Equal(kind, NameNormalizer.KindOf(word).ToString());
}
