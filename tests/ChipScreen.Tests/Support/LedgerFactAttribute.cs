using Xunit.Abstractions;
using Xunit.Sdk;

namespace ChipScreen.Tests.Support;

/// <summary>A fact of a ledger test class that runs on every store. In a class that implements
/// <see cref="IPostgresTests"/>, it is skipped only where no PostgreSQL server is configured and none is required (see
/// <see cref="PostgresTestServer"/>); everywhere else it runs, and fails if the server is not there.</summary>
[XunitTestCaseDiscoverer("ChipScreen.Tests.Support.LedgerFactDiscoverer", "ChipScreen.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class LedgerFactAttribute : FactAttribute;

/// <summary>Marks the test classes that run against PostgreSQL.</summary>
public interface IPostgresTests;

/// <summary>Discovers <see cref="LedgerFactAttribute"/> tests as <see cref="LedgerTestCase"/>.</summary>
public sealed class LedgerFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    /// <inheritdoc />
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        new LedgerTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
}

/// <summary>A test case whose skip reason is decided where it runs: PostgreSQL tests without a configured server.</summary>
public sealed class LedgerTestCase : XunitTestCase
{
    /// <summary>For deserialization.</summary>
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public LedgerTestCase()
    {
    }

    /// <summary>Creates the test case.</summary>
    public LedgerTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method)
        : base(sink, display, options, method)
    {
    }

    /// <inheritdoc />
    protected override string? GetSkipReason(IAttributeInfo factAttribute) =>
        typeof(IPostgresTests).IsAssignableFrom(TestMethod.TestClass.Class.ToRuntimeType()) ? PostgresTestServer.SkipReason : base.GetSkipReason(factAttribute);
}
