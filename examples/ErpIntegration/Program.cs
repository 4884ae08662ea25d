// An ERP's sales-order service calling ChipScreen in-process. Run from the repository root:
//   dotnet run --project examples/ErpIntegration [-- RULES_DIR]
using ChipScreen.Orders;
using ChipScreen.Screening;
using ChipScreen.Service;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

// 1. Register once at start-up. In an ASP.NET Core or Generic Host app: builder.Services.AddChipScreen(
//    builder.Configuration.GetSection("ChipScreen")); the host then validates the options at start (ValidateOnStart).
var services = new ServiceCollection();
services.AddChipScreen(options =>
{
    options.RulesDirectory = args.FirstOrDefault() ?? "rules";
    options.ReloadOnChange = true; // a compliance officer's edit of rules/ takes effect without a restart
});
await using var provider = services.BuildServiceProvider();
provider.GetRequiredService<IStartupValidator>().Validate(); // a plain container has no host to do this
var screener = provider.GetRequiredService<IOrderScreener>(); // a singleton: share it across threads
Console.WriteLine($"screening with {screener.Pack}");

// 2. Screen each order line as the order is saved, and act on the decision.
var order = new[]
{
    new OrderLine { OrderId = "SO-10042", Line = "10", Sku = "H100-SXM5-80GB", Quantity = 8, DestinationCountry = "India", EndUser = "Example Cloud Pvt Ltd" },
    new OrderLine { OrderId = "SO-10042", Line = "20", Sku = "H100-SXM5-80GB", Quantity = 8, DestinationCountry = "Hong Kong", EndUser = "Example Trading Ltd" },
    new OrderLine { OrderId = "SO-10042", Line = "30", Sku = "H100-SXM5-80GB", Quantity = 0, DestinationCountry = "Korea", EndUser = "Example Labs" },
};
foreach (var line in order)
{
    var result = await screener.ScreenAsync(line);
    Console.WriteLine($"{line.OrderId}/{line.Line}: {Act(result)}");
}

// 3. Re-screen open orders when the rules change (every decision names the pack revision that made it; store it with
//    the order). A batch settles volumes among its lines in ship-date order, as `chipscreen screen` does.
var source = provider.GetRequiredService<IRulePackSource>();
source.Changed += (_, pack) => Console.WriteLine($"rules changed: now {pack}; re-screen open orders");
await foreach (var result in screener.ScreenBatchAsync(order.ToAsyncEnumerable()))
    Console.WriteLine($"re-screened {result.Line.OrderId}/{result.Line.Line}: {result.Decision.ToContractString()} under {result.Pack.ShortRevision}");
return 0;

static string Act(ScreeningResult result) => result.Decision switch
{
    Decision.Nlr => "release to the warehouse",
    Decision.LicenseException => $"release under License Exception {result.Exception}; record its conditions: {result.Line.Message}",
    Decision.LicenseRequired => $"block shipment; file a license application ({result.Line.RuleIds})",
    Decision.Hold when result.Issues.Length > 0 => "hold; fix the order data: " + string.Join("; ", result.Issues.Select(i => $"{i.Field} ({i.Code})")),
    Decision.Hold => $"hold for compliance review: {result.Line.Message}",
    Decision.Prohibited => $"block the line; notify compliance: {result.Line.Message}",
    _ => throw new InvalidOperationException($"unknown decision {result.Decision}"),
} + $" [pack {result.Pack.ShortRevision}]";
