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
        TryParse(text, out var location, out var why) ? location : throw new LedgerException(LedgerErrorCodes.LocationInvalid, $"ledger '{text}': {why}");

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
        if (value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return FromUri(value, out location, out problem);
        if (value.Contains('=', StringComparison.Ordinal) && value.Contains("host", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(value);
                if (string.IsNullOrEmpty(builder.Host))
                {
                    problem = "a PostgreSQL connection string needs Host=";
                    return false;
                }
                location = new LedgerLocation(LedgerStoreKind.Postgres, builder.ConnectionString, Describe(builder));
                return true;
            }
            catch (ArgumentException e)
            {
                problem = "not a PostgreSQL connection string: " + e.Message;
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

    /// <inheritdoc />
    public override string ToString() => Display;
}
