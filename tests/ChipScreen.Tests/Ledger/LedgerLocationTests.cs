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
    public void Unusable_IsRefusedWithACode(string text) =>
        Assert.Equal(LedgerErrorCodes.LocationInvalid, Assert.Throws<LedgerException>(() => LedgerLocation.Parse(text)).Code);
}
