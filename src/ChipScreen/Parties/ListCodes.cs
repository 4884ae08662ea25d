using System.Collections.Frozen;

namespace ChipScreen.Parties;

/// <summary>The stable codes of the restricted-party lists ChipScreen knows, as rules name them (<c>line.Parties.Matches("sdn")</c>).</summary>
public static class ListCodes
{
    /// <summary>BIS Entity List (Supplement No. 4 to Part 744).</summary>
    public const string EntityList = "entity_list";

    /// <summary>BIS Denied Persons List.</summary>
    public const string DeniedPersons = "denied_persons";

    /// <summary>BIS Unverified List (15 CFR 744.15).</summary>
    public const string Unverified = "unverified";

    /// <summary>BIS Military End-User List (Supplement No. 7 to Part 744).</summary>
    public const string MilitaryEndUser = "military_end_user";

    /// <summary>OFAC Specially Designated Nationals and Blocked Persons.</summary>
    public const string Sdn = "sdn";

    /// <summary>OFAC lists other than the SDN list (SSI, FSE, NS-MBS, CAPTA, PLC, CMIC).</summary>
    public const string OfacNonSdn = "ofac_non_sdn";

    /// <summary>State Department lists (ITAR debarred, nonproliferation sanctions).</summary>
    public const string StateDepartment = "state_department";

    /// <summary>A company's own list of parties it will not deal with.</summary>
    public const string InternalDeny = "internal_deny";

    /// <summary>Any other list.</summary>
    public const string Other = "other";

    /// <summary>Every code.</summary>
    public static FrozenSet<string> All { get; } =
        new[] { EntityList, DeniedPersons, Unverified, MilitaryEndUser, Sdn, OfacNonSdn, StateDepartment, InternalDeny, Other }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The name of a list for messages ("Entity List").</summary>
    public static string Title(string code) => code switch
    {
        EntityList => "Entity List",
        DeniedPersons => "Denied Persons List",
        Unverified => "Unverified List",
        MilitaryEndUser => "Military End-User List",
        Sdn => "SDN List",
        OfacNonSdn => "OFAC non-SDN list",
        StateDepartment => "State Department list",
        InternalDeny => "internal deny list",
        _ => "restricted-party list",
    };

    /// <summary>The code of a Consolidated Screening List <c>source</c> ("Entity List (EL) - Bureau of Industry and Security").</summary>
    public static string FromCslSource(string source)
    {
        if (source.StartsWith("Entity List", StringComparison.OrdinalIgnoreCase))
            return EntityList;
        if (source.StartsWith("Denied Persons", StringComparison.OrdinalIgnoreCase))
            return DeniedPersons;
        if (source.StartsWith("Unverified List", StringComparison.OrdinalIgnoreCase))
            return Unverified;
        if (source.StartsWith("Military End User", StringComparison.OrdinalIgnoreCase))
            return MilitaryEndUser;
        if (source.StartsWith("Specially Designated Nationals", StringComparison.OrdinalIgnoreCase))
            return Sdn;
        if (source.Contains("Treasury", StringComparison.OrdinalIgnoreCase))
            return OfacNonSdn;
        if (source.Contains("State Department", StringComparison.OrdinalIgnoreCase))
            return StateDepartment;
        return Other;
    }
}
