using ChipScreen.Parties;

namespace ChipScreen.Tests.Parties;

public class LicensePolicyTests
{
    [Theory]
    [InlineData("Presumption of denial.", LicensePolicy.Denial)]
    [InlineData("Policy of denial for all items subject to the EAR apart from food and medicine designated as EAR99, which will be reviewed on a case-by-case basis.", LicensePolicy.Denial)]
    [InlineData("Presumption of denial for items uniquely required to produce semiconductors at advanced technology nodes 10 nanometers and below; case-by-case review for all other items.", LicensePolicy.CaseByCase)]
    [InlineData("Case-by-case review", LicensePolicy.CaseByCase)]
    [InlineData("Presumption of approval", LicensePolicy.Approval)]
    [InlineData("See §744.3(d) of this part", LicensePolicy.Unknown)]
    [InlineData("", LicensePolicy.Unknown)]
    public void PublishedPolicies_AreRead(string policy, string kind) => Assert.Equal(kind, LicensePolicy.Classify(policy));
}
