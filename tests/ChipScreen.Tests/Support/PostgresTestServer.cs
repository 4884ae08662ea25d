namespace ChipScreen.Tests.Support;

/// <summary>The PostgreSQL server the ledger tests run against: its connection string comes from
/// <c>CHIPSCREEN_TEST_POSTGRES</c> (.ci/run starts a server and sets it).</summary>
/// <remarks>
/// When CI says PostgreSQL is expected (<c>CHIPSCREEN_TEST_POSTGRES_REQUIRED=1</c>, or <c>CI=true</c>), a missing or
/// unreachable server fails every PostgreSQL test. Only on a developer machine that has neither is a PostgreSQL test
/// reported as skipped, with the reason.
/// </remarks>
internal static class PostgresTestServer
{
    public const string Variable = "CHIPSCREEN_TEST_POSTGRES";
    public const string RequiredVariable = "CHIPSCREEN_TEST_POSTGRES_REQUIRED";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    public static bool Required =>
        Environment.GetEnvironmentVariable(RequiredVariable) == "1"
        || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? SkipReason => ConnectionString is null && !Required
        ? $"no PostgreSQL server configured: set {Variable} to a connection string (README, 'Ledger') to run this test; CI sets it and requires it"
        : null;

    public static string Require() => ConnectionString
        ?? throw new InvalidOperationException($"PostgreSQL is expected here ({RequiredVariable}=1 or CI=true) but {Variable} is not set");
}
