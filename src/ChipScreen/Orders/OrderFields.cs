using System.Globalization;

namespace ChipScreen.Orders;

/// <summary>Turns the text of order fields into typed values, collecting an issue per field that does not parse. Pure.</summary>
internal static class OrderFields
{
    /// <summary>Builds an <see cref="OrderLine"/> from the text of each contract column, indexed as
    /// <see cref="OrderColumns.All"/> (null = column absent or field empty).</summary>
    public static OrderLine Parse(long row, long sourceLine, string?[] fields, List<FieldIssue>? issues)
    {
        // The typed values read `values`: the fields, unless one had to be cut short. Raw keeps the input as read.
        var values = fields;
        for (var i = 0; i < fields.Length; i++)
        {
            if (fields[i] is not { } text || CheckText(OrderColumns.All[i], text, ref issues) is not { } screened)
                continue;
            if (ReferenceEquals(values, fields))
                values = (string?[])fields.Clone();
            values[i] = screened;
        }

        var line = Text(values[1]);
        if (line is not null && !IsPositiveWhole(line, out _))
            (issues ??= []).Add(NotPositiveWhole(OrderColumns.Line, line));

        return new OrderLine
        {
            Row = row,
            SourceLine = sourceLine,
            OrderId = Text(values[0]) ?? "",
            Line = line ?? "",
            ShipDate = Date(values[2], OrderColumns.ShipDate, ref issues),
            Sku = Text(values[3]),
            Tpp = Number(values[4], OrderColumns.Tpp, ref issues),
            DieAreaMm2 = Number(values[5], OrderColumns.DieAreaMm2, ref issues),
            Datacenter = Flag(values[6], OrderColumns.Datacenter, ref issues),
            ChipsPerUnit = Whole(values[7], OrderColumns.ChipsPerUnit, ref issues),
            Quantity = Whole(values[8], OrderColumns.Quantity, ref issues),
            DestinationCountry = Text(values[9]) ?? "",
            EndUser = Text(values[10]) ?? "",
            EndUserCountry = Text(values[11]),
            EndUserHqCountry = Text(values[12]),
            Consignee = Text(values[13]),
            EndUse = Text(values[14]),
            Issues = issues is null ? [] : [.. issues],
            Raw = fields,
        };
    }

    /// <summary>An order line made in code rather than read (its <see cref="OrderLine.Raw"/> is null), with the checks
    /// <see cref="Parse"/> gives text read: text is trimmed, and an optional field of blanks is not given, as in a file
    /// (an order id of blanks is missing, not an id); a text field too long, or holding U+FFFD or half of a surrogate
    /// pair, is held (and cut, or the half read as U+FFFD).</summary>
    /// <remarks>A file read as UTF-8 can hold no half of a pair, but a string made in code can: an ERP field cut at a
    /// fixed length of UTF-16 units splits a character in two. Normalizing such text throws, which took the whole batch
    /// down.</remarks>
    public static OrderLine CheckTyped(OrderLine line)
    {
        if (line.Raw is not null)
            return line;
        List<FieldIssue>? issues = null;
        var checkedLine = line with
        {
            OrderId = Checked(OrderColumns.OrderId, line.OrderId, ref issues) ?? "",
            Line = Checked(OrderColumns.Line, line.Line, ref issues) ?? "",
            Sku = Checked(OrderColumns.Sku, line.Sku, ref issues),
            DestinationCountry = Checked(OrderColumns.DestinationCountry, line.DestinationCountry, ref issues) ?? "",
            EndUser = Checked(OrderColumns.EndUser, line.EndUser, ref issues) ?? "",
            EndUserCountry = Checked(OrderColumns.EndUserCountry, line.EndUserCountry, ref issues),
            EndUserHqCountry = Checked(OrderColumns.EndUserHqCountry, line.EndUserHqCountry, ref issues),
            Consignee = Checked(OrderColumns.Consignee, line.Consignee, ref issues),
            EndUse = Checked(OrderColumns.EndUse, line.EndUse, ref issues),
        };
        return issues is null && checkedLine == line ? line : checkedLine with { Issues = [.. line.Issues, .. issues ?? []] };

        static string? Checked(string field, string? text, ref List<FieldIssue>? issues) =>
            text is null ? null : Text(CheckText(field, text, ref issues) ?? text);
    }

    /// <summary>Adds the issue of a field's text, if it has one: longer than <see cref="MaxFieldLength"/>, or holding
    /// U+FFFD or half of a surrogate pair. Returns the text to screen when it is not the text given (cut short, or each
    /// half of a pair read as U+FFFD), else null.</summary>
    private static string? CheckText(string field, string text, ref List<FieldIssue>? issues)
    {
        string? changed = null;
        if (text.Length > MaxFieldLength)
        {
            (issues ??= []).Add(new FieldIssue(IssueCodes.Invalid, field, string.Create(CultureInfo.InvariantCulture,
                $"is {text.Length:N0} characters long; no order field needs more than {MaxFieldLength:N0} (only the first {MaxFieldLength:N0} are screened)")));
            text = changed = text[..MaxFieldLength];
        }
        if (text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF') && WithoutHalfPairs(text) is { } whole)
        {
            (issues ??= []).Add(new FieldIssue(IssueCodes.Invalid, field,
                $"'{whole.Trim()}' has half of a surrogate pair (shown as {Undecodable}: a character cut in two, as a field cut at a fixed length cuts it): orders must be whole Unicode text"));
            text = changed = whole;
        }
        else if (text.Contains(Undecodable) && !Names(issues, field))
        {
            (issues ??= []).Add(new FieldIssue(IssueCodes.Invalid, field, $"'{text.Trim()}' has bytes that are not UTF-8 (shown as {Undecodable}): orders must be UTF-8 text"));
        }
        return changed;
    }

    /// <summary><paramref name="text"/> with each half of a surrogate pair that stands alone read as U+FFFD, or null when
    /// it has none.</summary>
    private static string? WithoutHalfPairs(string text)
    {
        char[]? copy = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i]))
                continue;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            (copy ??= text.ToCharArray())[i] = Undecodable;
        }
        return copy is null ? null : new string(copy);
    }

    /// <summary>The longest field screened, in characters. Listed parties' names run to about 120, and a name of 200,000
    /// took seconds to match: a longer field is held and only its start screened.</summary>
    internal const int MaxFieldLength = 1_000;

    /// <summary>What a byte that is not UTF-8 text decodes to (U+FFFD). A field holding it is held: a name read wrong
    /// could miss its restricted party, and an upstream encoding error is never a reason to clear a line.</summary>
    internal const char Undecodable = '\uFFFD';

    private static bool Names(List<FieldIssue>? issues, string field)
    {
        foreach (var issue in issues ?? [])
            if (issue.Field == field)
                return true;
        return false;
    }

    private static string? Text(string? value)
    {
        if (value is null)
            return null;
        var trimmed = value.Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }

    private static DateOnly? Date(string? text, string field, ref List<FieldIssue>? issues)
    {
        if (Text(text) is not { } value)
            return null;
        if (IsoDate(value) is { } date)
            return date;
        (issues ??= []).Add(new FieldIssue(IssueCodes.Invalid, field, $"'{value}' is not an ISO date (YYYY-MM-DD)"));
        return null;
    }

    /// <summary>Parses YYYY-MM-DD exactly (faster than a format parse, and as strict).</summary>
    private static DateOnly? IsoDate(string s)
    {
        if (s.Length != 10 || s[4] != '-' || s[7] != '-')
            return null;
        static int Digits(string s, int start, int count)
        {
            var n = 0;
            for (var i = start; i < start + count; i++)
            {
                var d = s[i] - '0';
                if ((uint)d > 9)
                    return -1;
                n = n * 10 + d;
            }
            return n;
        }
        int year = Digits(s, 0, 4), month = Digits(s, 5, 2), day = Digits(s, 8, 2);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return null;
        return new DateOnly(year, month, day);
    }

    private static decimal? Number(string? text, string field, ref List<FieldIssue>? issues)
    {
        if (Text(text) is not { } value)
            return null;
        if (decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            return number;
        (issues ??= []).Add(new FieldIssue(IssueCodes.Invalid, field, $"'{value}' is not a number (digits and a decimal point, no thousands separators)"));
        return null;
    }

    private static int? Whole(string? text, string field, ref List<FieldIssue>? issues)
    {
        if (Text(text) is not { } value)
            return null;
        if (IsPositiveWhole(value, out var number))
            return number;
        (issues ??= []).Add(NotPositiveWhole(field, value));
        return null;
    }

    /// <summary>The issue of <paramref name="value"/> in <paramref name="field"/>, which <see cref="IsPositiveWhole"/> refused,
    /// saying why ("is too large" for a number past the largest the field holds, however many digits; else "is not a
    /// positive whole number"): the same for <c>line</c>, <c>quantity</c> and <c>chips_per_unit</c>, read from a file or made in code.</summary>
    internal static FieldIssue NotPositiveWhole(string field, string value) => new(IssueCodes.Invalid, field, $"'{value}' {WhyNotPositiveWhole(value)}");

    private static string WhyNotPositiveWhole(string value) =>
        value.StartsWith('-') || value.All(c => c == '0') ? "is not a positive whole number" :
        value.All(char.IsAsciiDigit)
            || decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d > int.MaxValue ? "is too large" :
        "is not a positive whole number";

    internal static bool IsPositiveWhole(string value, out int number) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0;

    private static bool? Flag(string? text, string field, ref List<FieldIssue>? issues)
    {
        if (Text(text) is not { } value)
            return null;
        switch (value.ToLowerInvariant())
        {
            case "true" or "yes" or "y" or "1" or "t":
                return true;
            case "false" or "no" or "n" or "0" or "f":
                return false;
            default:
                (issues ??= []).Add(new FieldIssue(IssueCodes.Invalid, field, $"'{value}' is not true or false"));
                return null;
        }
    }
}
