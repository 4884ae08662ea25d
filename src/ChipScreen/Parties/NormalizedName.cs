namespace ChipScreen.Parties;

/// <summary>A name prepared for comparison: its identifying words, what was ignored, and derived forms.</summary>
/// <remarks>Built once per name by <see cref="NameNormalizer"/>; immutable and shared between threads.</remarks>
internal sealed class NormalizedName
{
    internal NormalizedName(string original, NameToken[] core, string[] all, bool[] optional, string[] ignored)
    {
        Original = original;
        Core = core;
        All = all;
        Optional = optional;
        Ignored = ignored;
        foreach (var word in ignored)
            if (NameLexicon.LegalFormKinds.TryGetValue(word, out var kind))
                LegalForms |= kind;
        var key = new System.Text.StringBuilder(original.Length);
        var compact = new System.Text.StringBuilder(original.Length);
        List<string>? numbers = null;
        foreach (var t in core)
        {
            if (key.Length > 0)
                key.Append(' ');
            key.Append(t.Text);
            compact.Append(t.Text);
            if (t.Kind == TokenKind.Number)
                (numbers ??= []).Add(t.Text);
            HasDistinctive |= t.IsDistinctive;
        }
        Key = key.ToString();
        Compact = compact.ToString();
        var initials = new System.Text.StringBuilder(all.Length);
        foreach (var word in all)
        {
            if (NameLexicon.CompoundInitials.TryGetValue(word, out var parts))
                initials.Append(parts);
            else
                initials.Append(word[0]);
        }
        Initials = initials.ToString();
        numbers?.Sort(StringComparer.Ordinal);
        Numbers = numbers is null ? "" : string.Join(' ', numbers);
    }

    /// <summary>The first letter of every word of <see cref="All"/>, the initials of its parts for a compound word
    /// (<see cref="NameLexicon.CompoundInitials"/>), to rule out acronyms quickly.</summary>
    public string Initials { get; }

    /// <summary>The numbers of the name, sorted, joined by spaces (names whose numbers differ are different parties).</summary>
    public string Numbers { get; }

    /// <summary>The name as written.</summary>
    public string Original { get; }

    /// <summary>The words compared: legal forms and stop words removed, numbers as digits, spellings unified.</summary>
    public NameToken[] Core { get; }

    /// <summary>Every word in order, legal forms and stop words included (for acronyms: SMIC spells the C of Corporation).</summary>
    public string[] All { get; }

    /// <summary>For each word of <see cref="All"/>, whether it is a legal form or stop word (an acronym may skip it).</summary>
    public bool[] Optional { get; }

    /// <summary>The kinds of company its legal forms name (<see cref="NameLexicon.LegalFormKinds"/>).</summary>
    public LegalFormKind LegalForms { get; }

    /// <summary>The legal forms and stop words that were ignored, in order.</summary>
    public string[] Ignored { get; }

    /// <summary>The core words joined by spaces: equal keys mean equal names.</summary>
    public string Key { get; }

    /// <summary>The core words joined without spaces ("Zhi Pu" and "Zhipu" give "zhipu").</summary>
    public string Compact { get; }

    /// <summary>Whether the name has no core word (only legal forms, or nothing): it matches nothing.</summary>
    public bool IsEmpty => Core.Length == 0;

    /// <summary>Whether any core word identifies on its own.</summary>
    public bool HasDistinctive { get; }
}
