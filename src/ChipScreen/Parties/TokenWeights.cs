using System.Collections.Frozen;

namespace ChipScreen.Parties;

/// <summary>How much a word counts when names are compared: its kind, and how rare it is among the listed names.</summary>
/// <remarks>
/// A distinctive word counts 1, a number 0.8, a generic word or common surname 0.35. A word that many listed names
/// share counts less, down to half its weight ("huawei" in a list of Huawei affiliates tells them apart less than
/// "hisilicon"). Immutable and thread-safe.
/// </remarks>
internal sealed class TokenWeights
{
    private readonly FrozenDictionary<string, int> _documentFrequency;
    private readonly int _names;

    /// <summary>Weights without a list: every word counts by its kind alone.</summary>
    public static TokenWeights Plain { get; } = new(FrozenDictionary<string, int>.Empty, 0);

    /// <summary>Weights for a list of <paramref name="names"/> names whose words appear in as many names as
    /// <paramref name="documentFrequency"/> says.</summary>
    public TokenWeights(FrozenDictionary<string, int> documentFrequency, int names)
    {
        _documentFrequency = documentFrequency;
        _names = names;
    }

    /// <summary>The weight of <paramref name="token"/>.</summary>
    public double Of(NameToken token)
    {
        var kind = token.Kind switch
        {
            TokenKind.Distinctive or TokenKind.Han => 1.0,
            TokenKind.Number => 0.8,
            TokenKind.Generic => 0.45,
            TokenKind.Place => 0.2,
            _ => 0.35,
        };
        if (_names < 2 || !_documentFrequency.TryGetValue(token.Text, out var df) || df <= 1)
            return kind;
        var rarity = Math.Clamp(Math.Log((_names + 1.0) / df) / Math.Log(_names + 1.0), 0, 1);
        return kind * (0.5 + 0.5 * rarity);
    }
}
