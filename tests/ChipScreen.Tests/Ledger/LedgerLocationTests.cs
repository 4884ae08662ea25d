using ChipScreen.Ledger;

namespace ChipScreen.Tests.Ledger;

public class LedgerLocationTests
{
    [Theory]
    [InlineData("ledger.db")]
    [InlineData("/var/lib/chipscreen/ledger.sqlite")]
    [InlineData("data/2025 ledger.db")]
    public void APath_IsAnSqliteFile(string text)
    {
        var location = LedgerLocation.Parse(text);
        Assert.Equal(LedgerStoreKind.Sqlite, location.Kind);
        Assert.Equal(text, location.Display);
    }

    [Fact]
    public void AConnectionString_IsPostgres_AndNeverShowsItsPassword()
    {
        var location = LedgerLocation.Parse("Host=db.internal;Port=5433;Database=compliance;Username=screen;Password=s3cret");
        Assert.Equal(LedgerStoreKind.Postgres, location.Kind);
        Assert.Equal("postgresql://screen@db.internal:5433/compliance", location.Display);
        Assert.DoesNotContain("s3cret", location.ToString(), StringComparison.Ordinal);
        Assert.Contains("s3cret", location.Target, StringComparison.Ordinal);
    }

    [Fact]
    public void APostgresUri_IsPostgres()
    {
        var location = LedgerLocation.Parse("postgresql://screen:p%40ss@db.internal/compliance");
        Assert.Equal(LedgerStoreKind.Postgres, location.Kind);
        Assert.Equal("postgresql://screen@db.internal:5432/compliance", location.Display);
        Assert.Contains("p@ss", location.Target, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Host=;Database=x")]
    [InlineData("Hots=db;Host")]
    [InlineData("Database=x;Username=screen;Password=s3cret")] // no host: not a file of that name
    public void Unusable_IsRefusedWithACode(string text) =>
        Assert.Equal(LedgerErrorCodes.LocationInvalid, Assert.Throws<LedgerException>(() => LedgerLocation.Parse(text)).Code);

    [Fact]
    public void AConnectionStringWithServerForHost_IsPostgres_NotAFileNamedAfterIt()
    {
        var location = LedgerLocation.Parse("Server=db.internal;Database=compliance;Username=screen;Password=s3cret");
        Assert.Equal((LedgerStoreKind.Postgres, "postgresql://screen@db.internal:5432/compliance"), (location.Kind, location.Display));
        Assert.Equal(LedgerStoreKind.Sqlite, LedgerLocation.Parse("data/a=b.db").Kind); // a path Npgsql cannot read stays a path
    }

    [Theory]
    [InlineData("Host=db;Database=x;Password=s3cret;Timeout=abc", "Host=db;Database=x;Password=***;Timeout=abc")]
    [InlineData("host = db; pwd = s3cret ; Timeout=abc", "host = db; pwd =***; Timeout=abc")]
    [InlineData("Host=db;SSL Password=s3cret;Timeout=abc", "Host=db;SSL Password=***;Timeout=abc")]
    [InlineData("Host=db;Password=\"s3c;r3t\";Timeout=abc", "Host=db;Password=***;Timeout=abc")]
    [InlineData("Host=db;Password='s3c''r3t;Timeout=abc", "Host=db;Password=***")]          // the quote never closes
    [InlineData("Host=\"db;Password=s3cret", "Host=***")]
    [InlineData("Host=db;Pasword=s3cret;Timeout=abc", "Host=db;Pasword=***;Timeout=abc")] // a key Npgsql does not know
    [InlineData("postgresql://screen:s3c@r3t@db host/x?password=s3cret&sslmode=require", "postgresql://screen:***@db host/x?password=***&sslmode=require")]
    public void AnUnusableLocation_IsQuotedWithoutItsSecrets(string text, string quoted)
    {
        Assert.Equal(quoted, LedgerLocation.Redacted(text));
        var e = Assert.Throws<LedgerException>(() => LedgerLocation.Parse(text));
        Assert.Equal(LedgerErrorCodes.LocationInvalid, e.Code);
        Assert.Contains($"ledger '{quoted}'", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3c", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("r3t", e.Message, StringComparison.Ordinal);
    }
}
