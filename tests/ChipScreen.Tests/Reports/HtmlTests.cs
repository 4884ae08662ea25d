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
    public void EachC0ControlAndDel_IsShownAsItsCodePoint_NeverDroppedOrHidden()
    {
        // A browser drops NUL and shows the other controls as nothing or a space: "N4\0" would read as "N4".
        Assert.Equal("N4[U+0000]", Html.Escape("N4\0"));
        for (var c = 0; c <= 0x7F; c++)
        {
            var marked = c < 0x20 || c == 0x7F;
            var buffer = new Utf8Buffer();
            buffer.Text("x" + (char)c);
            var expected = marked ? $"x[U+{c:X4}]" : c == '<' ? "x&lt;" : c == '&' ? "x&amp;" : "x" + (char)c;
            Assert.Equal(expected, Encoding.UTF8.GetString(buffer.Written));
            if (marked)
                Assert.Equal($"x[U+{c:X4}]", Html.Escape("x" + (char)c));
        }
        // Long plain text takes the vectorised path: a control anywhere in it still leaves it.
        var text = new string('a', 70) + "\u0001" + new string('b', 5);
        var longBuffer = new Utf8Buffer();
        longBuffer.Text(text);
        Assert.Equal(new string('a', 70) + "[U+0001]bbbbb", Encoding.UTF8.GetString(longBuffer.Written));
        Assert.Equal("\u0080\u00A0\u0085", Html.Escape("\u0080\u00A0\u0085")); // C1 controls are not marked: they show as boxes
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
