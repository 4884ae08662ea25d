namespace ChipScreen.Classification;

/// <summary>An export control classification this engine assigns: 3A090.a/.b (chips) or 4A090.a/.b (units holding several).</summary>
public readonly record struct Eccn
{
    private Eccn(string value) => Value = value;

    /// <summary>The text, e.g. <c>3A090.a</c>.</summary>
    public string Value { get; }

    /// <summary>ECCN 3A090.a.</summary>
    public static Eccn Ic3A090A { get; } = new("3A090.a");

    /// <summary>ECCN 3A090.b.</summary>
    public static Eccn Ic3A090B { get; } = new("3A090.b");

    /// <summary>ECCN 4A090.a.</summary>
    public static Eccn Computer4A090A { get; } = new("4A090.a");

    /// <summary>ECCN 4A090.b.</summary>
    public static Eccn Computer4A090B { get; } = new("4A090.b");

    /// <summary>Parses one of the four classifications (exact spelling).</summary>
    public static bool TryParse(string? text, out Eccn eccn)
    {
        eccn = text switch
        {
            "3A090.a" => Ic3A090A,
            "3A090.b" => Ic3A090B,
            "4A090.a" => Computer4A090A,
            "4A090.b" => Computer4A090B,
            _ => default,
        };
        return eccn.Value is not null;
    }

    /// <summary>Parses one of the four classifications or throws <see cref="FormatException"/>.</summary>
    public static Eccn Parse(string text) =>
        TryParse(text, out var eccn) ? eccn : throw new FormatException($"'{text}' is not 3A090.a, 3A090.b, 4A090.a or 4A090.b");

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
