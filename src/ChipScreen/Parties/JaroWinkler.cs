namespace ChipScreen.Parties;

/// <summary>Jaro-Winkler similarity of two words (0 to 1; 1 when equal), with the usual prefix scale 0.1 over at most 4 characters.</summary>
internal static class JaroWinkler
{
    /// <summary>The similarity of <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static double Similarity(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
            return a.Length == b.Length ? 1 : 0;
        if (string.Equals(a, b, StringComparison.Ordinal))
            return 1;
        var window = Math.Max(0, Math.Max(a.Length, b.Length) / 2 - 1);
        Span<bool> aMatched = a.Length <= 128 ? stackalloc bool[a.Length] : new bool[a.Length];
        Span<bool> bMatched = b.Length <= 128 ? stackalloc bool[b.Length] : new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var from = Math.Max(0, i - window);
            var to = Math.Min(b.Length - 1, i + window);
            for (var j = from; j <= to; j++)
            {
                if (bMatched[j] || a[i] != b[j])
                    continue;
                aMatched[i] = bMatched[j] = true;
                matches++;
                break;
            }
        }
        if (matches == 0)
            return 0;
        var transpositions = 0;
        for (int i = 0, j = 0; i < a.Length; i++)
        {
            if (!aMatched[i])
                continue;
            while (!bMatched[j])
                j++;
            if (a[i] != b[j])
                transpositions++;
            j++;
        }
        double m = matches;
        var jaro = (m / a.Length + m / b.Length + (m - transpositions / 2.0) / m) / 3.0;
        var prefix = 0;
        while (prefix < 4 && prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
            prefix++;
        return jaro + prefix * 0.1 * (1 - jaro);
    }

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> differ by exactly one letter inserted, deleted or replaced.</summary>
    public static bool OneEditApart(string a, string b)
    {
        if (a.Length < b.Length)
            (a, b) = (b, a);
        if (a.Length - b.Length > 1 || string.Equals(a, b, StringComparison.Ordinal))
            return false;
        var i = 0;
        while (i < b.Length && a[i] == b[i])
            i++;
        // The first difference: a letter replaced (same lengths) or one inserted into the longer word.
        return a.Length == b.Length
            ? a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1))
            : a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i));
    }

    /// <summary>The edit distance of <paramref name="a"/> and <paramref name="b"/> as a similarity: 1 - distance / longer length.</summary>
    public static double LevenshteinRatio(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
            return a.Length == b.Length ? 1 : 0;
        Span<int> previous = b.Length < 256 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        Span<int> current = b.Length < 256 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return 1.0 - (double)previous[b.Length] / Math.Max(a.Length, b.Length);
    }
}
