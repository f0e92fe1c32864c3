package fr.guichet.account.places;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The data file of régions and départements says where it comes from and holds all of France, once. */
class PlaceDataTest {

    final Geography france = Geography.FRANCE;

    @Test
    void theFileNamesItsSourceItsVersionAndItsDate() throws IOException {
        try (var in = Objects.requireNonNull(getClass().getResourceAsStream("/places/regions-departements.csv"))) {
            var header = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .takeWhile(l -> l.startsWith("#"))
                    .toList();
            assertThat(String.join("\n", header))
                    .contains("@etalab/decoupage-administratif")
                    .containsPattern("decoupage-administratif \\d+\\.\\d+\\.\\d+ \\(\\d{4}-\\d{2}-\\d{2}\\)")
                    .containsPattern("Extracted on \\d{4}-\\d{2}-\\d{2}")
                    .contains("docs/places.md");
        }
    }

    @Test
    void thereAreThirteenMetropolitanRégionsAndFiveOverseas() {
        var codes = france.regions().stream().map(Place::officialCode).toList();
        assertThat(codes)
                .hasSize(18)
                .doesNotHaveDuplicates()
                .containsAll(List.of("11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94"))
                .containsAll(List.of("01", "02", "03", "04", "06"));
        assertThat(Place.parse("R-44").name(Locale.FRENCH)).isEqualTo("Grand Est");
        assertThat(Place.parse("R-94").name(Locale.FRENCH)).isEqualTo("Corse");
    }

    @Test
    void thereAreOneHundredAndOneDépartementsEachInExactlyOneRégion() {
        var departements = france.departements();
        assertThat(departements).hasSize(101).doesNotHaveDuplicates();
        assertThat(departements.stream().map(Place::officialCode))
                .contains("01", "2A", "2B", "67", "68", "75", "95", "971", "972", "973", "974", "976")
                .doesNotContain("20", "975", "977", "988");
        var regionsOf = new HashMap<Place, Integer>();
        france.regions().forEach(r -> france.departementsOf(r).forEach(d -> regionsOf.merge(d, 1, Integer::sum)));
        assertThat(regionsOf)
                .hasSize(101)
                .allSatisfy(
                        (d, count) -> assertThat(count).as("régions of %s", d).isOne());
        france.regions()
                .forEach(r -> assertThat(france.departementsOf(r))
                        .as("départements of %s", r)
                        .isNotEmpty()
                        .allSatisfy(d -> assertThat(d.region()).contains(r)));
        assertThat(Place.parse("D-67").region()).contains(Place.parse("R-44"));
        assertThat(Place.parse("D-2A").region()).contains(Place.parse("R-94"));
        assertThat(Place.parse("D-971").name(Locale.FRENCH)).isEqualTo("Guadeloupe");
    }

    @Test
    void otherCountriesAreTheJdksButFranceAndItsOverseasDépartements() {
        var countries = france.countries(Locale.FRENCH).stream()
                .map(Place::officialCode)
                .toList();
        assertThat(countries).contains("DE", "BE", "CH", "NC").doesNotContain("FR", "GP", "MQ", "GF", "RE", "YT");
        assertThat(countries).hasSize(Locale.getISOCountries().length - 6);
    }
}
