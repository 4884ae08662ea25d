using ChipScreen.Orders;

namespace ChipScreen.Rules;

/// <summary>One test case of a pack: an order line and what it must get.</summary>
/// <param name="Name">What the case shows.</param>
/// <param name="File">The test file, relative to the rules directory.</param>
/// <param name="Line">The line of the case in its file.</param>
/// <param name="Order">The order line.</param>
/// <param name="Expect">The expected outcome.</param>
public sealed record PackTestCase(string Name, string File, int? Line, OrderLine Order, PackTestExpectation Expect);
