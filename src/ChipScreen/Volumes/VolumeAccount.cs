namespace ChipScreen.Volumes;

/// <summary>The volume limits a line can consume through its final decision.</summary>
public enum VolumeAccount
{
    /// <summary>The ultimate consignee's volume per calendar year (License Exception LPP).</summary>
    ConsigneeYear,

    /// <summary>The destination country's allocation for licensed shipments.</summary>
    CountryAllocation,
}

/// <summary>The names rule files use for <see cref="VolumeAccount"/>.</summary>
public static class VolumeAccountNames
{
    /// <summary>"consignee_year" or "country_allocation".</summary>
    public static string Name(this VolumeAccount account) => account switch
    {
        VolumeAccount.ConsigneeYear => "consignee_year",
        VolumeAccount.CountryAllocation => "country_allocation",
        _ => throw new ArgumentOutOfRangeException(nameof(account)),
    };

    /// <summary>Parses a rule file's name of an account.</summary>
    public static bool TryParse(string? text, out VolumeAccount account)
    {
        switch (text)
        {
            case "consignee_year": account = VolumeAccount.ConsigneeYear; return true;
            case "country_allocation": account = VolumeAccount.CountryAllocation; return true;
            default: account = default; return false;
        }
    }
}
