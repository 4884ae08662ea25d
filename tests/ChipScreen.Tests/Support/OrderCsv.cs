namespace ChipScreen.Tests.Support;

/// <summary>Small order files for ledger tests: datacenter chips of TPP 10,000 (die 1,000 mm2), so a line's volume is
/// its quantity in ten-thousands.</summary>
internal static class OrderCsv
{
    public const string Header = "order_id,line,ship_date,tpp,die_area_mm2,datacenter,quantity,destination_country,end_user,end_use";

    public static string Row(string order, string line, string date, int quantity, string destination = "IN", string consignee = "Lake Compute Ltd", int tpp = 10_000, string endUse = "") =>
        $"{order},{line},{date},{tpp},1000,true,{quantity},{destination},{consignee},{endUse}";

    public static string Of(params string[] rows) => Header + "\n" + string.Join("\n", rows) + "\n";

    public static string Of(IEnumerable<string> rows) => Of(rows.ToArray());
}
