using System.Diagnostics.CodeAnalysis;
using Npgsql;

namespace ChipScreen.Ledger;

/// <summary>A parsed <c>--ledger</c> value: which store, its target, and how to name it without secrets.</summary>
/// <param name="Kind">The store.</param>
/// <param name="Target">The SQLite file path, or the Npgsql connection string.</param>
/// <param name="Display">How reports name the ledger: the path as given, or <c>postgresql://user@host:port/database</c> (never a password).</param>
public sealed record LedgerLocation(LedgerStoreKind Kind, string Target, string Display)
{
    /// <summary>Parses a location: a <c>postgresql://</c> URI or a connection string with <c>Host=</c> is PostgreSQL; anything else is an SQLite file path.</summary>
    /// <exception cref="LedgerException">With <see cref="LedgerErrorCodes.LocationInvalid"/>.</exception>
    public static LedgerLocation Parse(string text) =>
        TryParse(text, out var location, out var why) ? location : throw new LedgerException(LedgerErrorCodes.LocationInvalid, $"ledger '{Redacted(text)}': {why}");

    /// <summary>A location as a message may quote it, even one that does not parse: in a connection string every value is
    /// replaced by <c>***</c> except those of keys Npgsql knows and does not hold secret (a password, a key that names a
    /// password, a key it does not know, a value whose quote never closes); in a <c>postgresql://</c> URI, the password
    /// and the query's values. A path is returned as given.</summary>
    public static string Redacted(string? text)
    {
        if (text is null)
            return "";
        var value = text.Trim();
        if (IsUri(value))
            return RedactedUri(value);
        return value.Contains('=', StringComparison.Ordinal) ? RedactedPairs(value, ';') : text;
    }

    /// <summary>Parses a location; on failure, <paramref name="problem"/> says why.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out LedgerLocation? location, [NotNullWhen(false)] out string? problem)
    {
        location = null;
        problem = null;
        var value = text?.Trim() ?? "";
        if (value.Length == 0)
        {
            problem = "empty: give an SQLite file path or a PostgreSQL connection string";
            return false;
        }
        if (IsUri(value))
            return FromUri(value, out location, out problem);
        if (value.Contains('=', StringComparison.Ordinal))
        {
            // Whatever Npgsql reads is a connection string (Server= is Host=, and one without a host is refused rather than
            // taken for a file named after it, password and all); a text it cannot read is one if it has the look of one.
            NpgsqlConnectionStringBuilder? builder = null;
            string? failure = null;
            try
            {
                builder = new NpgsqlConnectionStringBuilder(value);
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
            {
                failure = e.Message;
            }
            if (builder is not null)
            {
                if (string.IsNullOrEmpty(builder.Host))
                {
                    problem = "a PostgreSQL connection string needs Host=";
                    return false;
                }
                location = new LedgerLocation(LedgerStoreKind.Postgres, builder.ConnectionString, Describe(builder));
                return true;
            }
            if (value.Contains("host", StringComparison.OrdinalIgnoreCase) || value.Contains(';', StringComparison.Ordinal))
            {
                problem = "not a PostgreSQL connection string: " + failure;
                return false;
            }
        }
        if (value.IndexOfAny(Path.GetInvalidPathChars()) >= 0 || Directory.Exists(value))
        {
            problem = "not a file path (a directory, or invalid characters)";
            return false;
        }
        location = new LedgerLocation(LedgerStoreKind.Sqlite, value, value);
        return true;
    }

    /// <summary>Whether a location is written as a <c>postgres://</c> or <c>postgresql://</c> URI.</summary>
    private static bool IsUri(string value) =>
        value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    private static bool FromUri(string value, out LedgerLocation? location, out string? problem)
    {
        location = null;
        problem = null;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            problem = "not a postgresql:// URI (postgresql://user:password@host:port/database)";
            return false;
        }
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0)
            builder.Port = uri.Port;
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
                builder.Password = Uri.UnescapeDataString(parts[1]);
        }
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
            builder.Database = database;
        location = new LedgerLocation(LedgerStoreKind.Postgres, builder.ConnectionString, Describe(builder));
        return true;
    }

    private static string Describe(NpgsqlConnectionStringBuilder b) =>
        $"postgresql://{(string.IsNullOrEmpty(b.Username) ? "" : b.Username + "@")}{b.Host}:{b.Port}/{b.Database}" +
        (string.IsNullOrEmpty(b.SearchPath) ? "" : $"?search_path={b.SearchPath}");

    private static string RedactedUri(string value)
    {
        var start = value.IndexOf("://", StringComparison.Ordinal) + 3;
        var query = value.IndexOf('?', start);
        var authorityEnd = query < 0 ? value.Length : query;
        var at = value.LastIndexOf('@', authorityEnd - 1, authorityEnd - start); // a password may hold an unescaped '@' or '/'
        var colon = at < 0 ? -1 : value.IndexOf(':', start, at - start);
        var head = colon < 0 ? value[..authorityEnd] : value[..(colon + 1)] + "***" + value[at..authorityEnd];
        return query < 0 ? head : head + "?" + RedactedPairs(value[(query + 1)..], '&');
    }

    /// <summary><paramref name="text"/> with the value of each <c>key=value</c> part that may be secret replaced by <c>***</c>.</summary>
    private static string RedactedPairs(string text, char separator)
    {
        var shown = new System.Text.StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var equals = text.IndexOf('=', i);
            var next = text.IndexOf(separator, i);
            if (equals < 0 || (next >= 0 && next < equals))
            {
                var end = next < 0 ? text.Length : next + 1; // a part without a value
                shown.Append(text, i, end - i);
                i = end;
                continue;
            }
            var key = text[i..equals];
            shown.Append(text, i, equals + 1 - i);
            var valueStart = equals + 1;
            var k = valueStart;
            while (k < text.Length && text[k] != separator && char.IsWhiteSpace(text[k]))
                k++;
            var valueEnd = text.Length;
            var closed = true;
            if (k < text.Length && text[k] is '"' or '\'')
            {
                // A quoted value runs to its closing quote (a doubled quote is one quote in it), then to the separator.
                var quote = text[k];
                var m = k + 1;
                closed = false;
                while ((m = text.IndexOf(quote, m)) >= 0)
                {
                    if (m + 1 < text.Length && text[m + 1] == quote)
                    {
                        m += 2;
                        continue;
                    }
                    closed = true;
                    break;
                }
                if (closed && text.IndexOf(separator, m + 1) is var after and >= 0)
                    valueEnd = after;
            }
            else if (next >= 0)
            {
                valueEnd = next;
            }
            shown.Append(closed && Shown(key) ? text[valueStart..valueEnd] : valueEnd > valueStart ? "***" : "");
            if (valueEnd < text.Length)
                shown.Append(separator);
            i = valueEnd + 1;
        }
        return shown.ToString();
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> s_shown = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The <see cref="NpgsqlConnectionStringBuilder"/> properties that hold a secret (marked as password text).</summary>
    private static readonly System.Reflection.PropertyInfo[] s_secrets = typeof(NpgsqlConnectionStringBuilder).GetProperties()
        .Where(p => p.PropertyType == typeof(string) && p.GetCustomAttributes(typeof(System.ComponentModel.PasswordPropertyTextAttribute), true)
            .OfType<System.ComponentModel.PasswordPropertyTextAttribute>().Any(a => a.Password))
        .ToArray();

    /// <summary>Whether the value of <paramref name="key"/> may be shown: a key Npgsql knows, whose property is not secret,
    /// and whose name does not speak of a password (<c>SSL Password</c> is not marked secret).</summary>
    private static bool Shown(string key) => s_shown.GetOrAdd(key.Trim(), static k =>
    {
        var name = k.Replace(" ", "", StringComparison.Ordinal);
        if (name.Contains("pass", StringComparison.OrdinalIgnoreCase) || name.Contains("pwd", StringComparison.OrdinalIgnoreCase)
            || name.Contains("psw", StringComparison.OrdinalIgnoreCase) || name.Contains("secret", StringComparison.OrdinalIgnoreCase)
            || name.Contains("token", StringComparison.OrdinalIgnoreCase))
            return false;
        var probe = new NpgsqlConnectionStringBuilder();
        if (k.Length == 0 || !probe.ContainsKey(k))
            return false;
        const string marker = "\u0001chipscreen-probe";
        try
        {
            probe[k] = marker;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            return true; // a known key that holds no text (a number, a flag, a mode) is no secret
        }
        return !s_secrets.Any(p => p.GetValue(probe) is string v && v == marker);
    });

    /// <inheritdoc />
    public override string ToString() => Display;
}
