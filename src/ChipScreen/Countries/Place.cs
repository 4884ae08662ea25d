using System.Collections.Frozen;
using System.Collections.Immutable;

namespace ChipScreen.Countries;

/// <summary>A country as rule expressions see it: code, tier and group membership under the pack in use.</summary>
/// <remarks>
/// Rule expressions read <c>line.Destination.Tier</c>, <c>line.Hq.In("D:5")</c>, <c>line.ShipTo.Code</c>.
/// A place that was not given, or did not resolve, has an empty <see cref="Code"/>, tier 0 and no groups.
/// Immutable and shared between lines.
/// </remarks>
public sealed class Place
{
    private readonly FrozenSet<string> _groups;

    internal Place(string code, string name, int tier, bool given, FrozenSet<string> groups)
    {
        Code = code;
        Name = name;
        Tier = tier;
        Given = given;
        _groups = groups;
        Groups = [.. groups.Order(StringComparer.Ordinal)];
    }

    /// <summary>A place the order left empty.</summary>
    public static Place NotGiven { get; } = new("", "", 0, false, FrozenSet<string>.Empty);

    /// <summary>A place the order named but that did not resolve to one country.</summary>
    public static Place Unresolved { get; } = new("", "", 0, true, FrozenSet<string>.Empty);

    /// <summary>ISO alpha-2 code, or empty.</summary>
    public string Code { get; }

    /// <summary>English short name, or empty.</summary>
    public string Name { get; }

    /// <summary>1, 2 or 3 under the pack's tiers; 0 when unknown.</summary>
    public int Tier { get; }

    /// <summary>Whether the order gave a value for this place.</summary>
    public bool Given { get; }

    /// <summary>Whether the place resolved to a country.</summary>
    public bool Known => Code.Length > 0;

    /// <summary>Whether the country is in the pack's group <paramref name="group"/> (e.g. <c>D:5</c>, <c>embargoed</c>).</summary>
    public bool In(string group) => _groups.Contains(group);

    /// <summary>The groups the country is in, sorted.</summary>
    public ImmutableArray<string> Groups { get; }

    /// <inheritdoc />
    public override string ToString() => Known ? Code : Given ? "(unresolved)" : "(not given)";
}
