using System.Text;
using ChipScreen.Reports;
using ChipScreen.Tests.Support;

namespace ChipScreen.Tests.Reports;

/// <summary>How report.html writes text: markup escaped, and the bidirectional controls that would reorder it shown.</summary>
public class HtmlTests
{
    private const string Controls = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";

    [Fact]
    public void EachBidirectionalControl_IsShownAsItsCodePoint_AndItsNeighboursAreLeftAsTheyAre()
    {
        Assert.Equal("[U+202E]Evil Corp Ltd", Html.Escape("\u202EEvil Corp Ltd"));
        Assert.Equal("[U+202A][U+202B][U+202C][U+202D][U+202E][U+2066][U+2067][U+2068][U+2069]", Html.Escape(Controls));
        Assert.Equal("a&lt;[U+2067]&amp;&quot;&#39;&gt;", Html.Escape("a<\u2067&\"'>"));
        const string neighbours = "\u2029\u202F\u2065\u206A\u200E\u200F\u061C";
        Assert.Equal(neighbours, Html.Escape(neighbours));

        var buffer = new Utf8Buffer();
        buffer.Text("\u202EEvil & Co <\u2066x\u2069> Ltd");
        Assert.Equal("[U+202E]Evil &amp; Co &lt;[U+2066]x[U+2069]> Ltd", Encoding.UTF8.GetString(buffer.Written));
    }

    [Fact]
    public void APartyNameWithAnUnterminatedOverride_DoesNotReorderTheRowsOwnText()
    {
        const string name = "\u202EEvil Corp Ltd";
        var d = Screen.One(Screen.Line(destination: "IN", quantity: 8, endUser: name, endUse: "AI"));
        Assert.Contains(d.Reasons, r => r.Message.Contains(name, StringComparison.Ordinal));

        var row = Encoding.UTF8.GetString(HtmlReport.FormatRowSpan(d));
        Assert.Equal(-1, row.AsSpan().IndexOfAny(Controls));
        Assert.Equal(1 + d.Reasons.Count(r => r.Message.Contains(name, StringComparison.Ordinal)), row.Split("[U+202E]Evil Corp Ltd").Length - 1);
    }
}
