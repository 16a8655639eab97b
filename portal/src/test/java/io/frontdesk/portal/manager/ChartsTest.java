package io.frontdesk.portal.manager;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartsTest {
  @Test
  void csvQuotesCellsAndDefusesFormulas() {
    Chart c =
        new Chart(
            "x",
            "X",
            null,
            "",
            List.of("Service", "Tickets"),
            List.of(List.of("Email, calendar", "3"), List.of("=HYPERLINK(\"x\")", "-2")));
    assertThat(c.csv())
        .isEqualTo("Service,Tickets\r\n\"Email, calendar\",3\r\n\"'=HYPERLINK(\"\"x\"\")\",-2\r\n");
  }

  @Test
  void svgEscapesLabelsAndUsesNoInlineStyleOrScript() {
    String bars =
        Svg.bars(
            "b",
            "Title <b>",
            List.of(new Svg.Bar("<script>x</script>", 2), new Svg.Bar("b", 1)),
            "%");
    assertThat(bars)
        .contains("&lt;script&gt;", "<title id=\"b-svg-title\">Title &lt;b&gt;</title>", "2%");
    assertThat(bars).doesNotContain("<script", "style=");
    String lines =
        Svg.lines(
            "l",
            "Trend",
            List.of("1 Mar", "2 Mar", "3 Mar"),
            List.of(
                new Svg.Series("A", Arrays.asList(1.0, null, 3.0)),
                new Svg.Series("B", List.of(2.0, 2.0, 2.0))),
            "");
    assertThat(lines).contains("stroke-dasharray", "<polyline", "A", "B").doesNotContain("style=");
    assertThat(Svg.lines("e", "Empty", List.of("1 Mar"), List.of(), "")).contains("No data");
    assertThat(Svg.niceMax(7)).isEqualTo(10);
    assertThat(Svg.niceMax(0.4)).isEqualTo(0.5);
  }
}
