namespace ChipScreen.Parties;

/// <summary>The roles of the parties of an order line that are screened.</summary>
public static class PartyRoles
{
    /// <summary>The end user.</summary>
    public const string EndUser = "end_user";

    /// <summary>The ultimate consignee (when the order names one other than the end user).</summary>
    public const string Consignee = "consignee";
}
