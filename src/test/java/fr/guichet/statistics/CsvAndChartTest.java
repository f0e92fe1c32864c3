package fr.guichet.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.statistics.Report.Line;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** Charts that say their numbers and name themselves (the CSV: shared/SpreadsheetCsvTest). */
class CsvAndChartTest {

    @Test
    void aChartIsAnImageNamedByItsTitleWithItsLabelsEscaped() {
        var chart = Chart.bars("c", "Par <logiciel>", List.of(Line.of("<script>", 3), Line.of("B", 1)));

        var svg = Jsoup.parse(chart.svg(), "", Parser.xmlParser()).selectFirst("svg");
        assertThat(svg.attr("role")).isEqualTo("img");
        assertThat(svg.attr("aria-labelledby")).isEqualTo("c-title");
        assertThat(svg.selectFirst("title").text()).isEqualTo("Par <logiciel>");
        assertThat(chart.svg()).doesNotContain("<script>");
        assertThat(svg.select("rect")).hasSize(2);
        assertThat(svg.select("text")).extracting(e -> e.text()).contains("<script>", "3", "B", "1");
        assertThat(chart.empty()).isFalse();
    }

    @Test
    void aMonthlyChartHasABarPerMonth() {
        var chart = Chart.months("m", "Par mois", List.of(Line.of("sept. 2026", 0), Line.of("oct. 2026", 4)));

        assertThat(Jsoup.parse(chart.svg(), "", Parser.xmlParser()).select("rect"))
                .hasSize(2);
    }
}
