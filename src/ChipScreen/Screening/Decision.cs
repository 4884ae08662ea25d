namespace ChipScreen.Screening;

/// <summary>The outcome for one order line, ordered by severity (the higher value wins).</summary>
public enum Decision
{
    /// <summary>No license required.</summary>
    Nlr = 0,

    /// <summary>May ship under the named license exception and its conditions.</summary>
    LicenseException = 1,

    /// <summary>A license is required and could be granted.</summary>
    LicenseRequired = 2,

    /// <summary>A person must look first (possible match, red flag, missing or invalid data).</summary>
    Hold = 3,

    /// <summary>A license is required and would be denied.</summary>
    Prohibited = 4,
}

/// <summary>The contract's spelling of decisions (<c>PROHIBITED</c>, <c>HOLD</c>, ...).</summary>
public static class DecisionText
{
    /// <summary>The contract name of <paramref name="decision"/>.</summary>
    public static string ToContractString(this Decision decision) => decision switch
    {
        Decision.Nlr => "NLR",
        Decision.LicenseException => "LICENSE_EXCEPTION",
        Decision.LicenseRequired => "LICENSE_REQUIRED",
        Decision.Hold => "HOLD",
        Decision.Prohibited => "PROHIBITED",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, null),
    };

    /// <summary>Parses a contract name (exactly as the contract spells it).</summary>
    public static bool TryParse(string? text, out Decision decision)
    {
        switch (text)
        {
            case "NLR": decision = Decision.Nlr; return true;
            case "LICENSE_EXCEPTION": decision = Decision.LicenseException; return true;
            case "LICENSE_REQUIRED": decision = Decision.LicenseRequired; return true;
            case "HOLD": decision = Decision.Hold; return true;
            case "PROHIBITED": decision = Decision.Prohibited; return true;
            default: decision = default; return false;
        }
    }

    /// <summary>Every decision, most severe first.</summary>
    public static IReadOnlyList<Decision> BySeverity { get; } =
        [Decision.Prohibited, Decision.Hold, Decision.LicenseRequired, Decision.LicenseException, Decision.Nlr];

    /// <summary>The license exceptions the contract knows.</summary>
    public static IReadOnlySet<string> LicenseExceptions { get; } = new HashSet<string>(StringComparer.Ordinal) { "AIA", "LPP", "ACA", "NAC", "VEU" };
}
