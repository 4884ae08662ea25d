namespace ChipScreen.Parties;

/// <summary>A party's name as a batch meets it line after line: the text as written, its identity key
/// (<see cref="PartyNames.Key"/>), and, once screened, its hits against the lists. A screening remembers one per distinct
/// name, so a line looks its names up once rather than once per use.</summary>
/// <remarks>Thread-safe: the hits are set at most once per screening, and two threads that race set the same array.</remarks>
internal sealed class PartyName(string text, string key)
{
    /// <summary>The name as written.</summary>
    public string Text { get; } = text;

    /// <summary>The identity key (case, accents, punctuation and spacing ignored).</summary>
    public string Key { get; } = key;

    /// <summary>The screening the hits below were found by, and the hits (null until a rule first reads the parties).</summary>
    internal (PartyScreening Screening, PartyScreening.NameHit[] Hits)? Screened { get; set; }

    /// <summary>A name with its key computed now (remembered by the caller, or not when its cache is full).</summary>
    public static PartyName Of(string text) => new(text, PartyNames.Key(text));
}
