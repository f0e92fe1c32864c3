package fr.guichet.account.places;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The département of a postal code, and the beginnings of a département's postal codes. */
class PostalCodesTest {

    final Geography france = Geography.FRANCE;

    @ParameterizedTest
    @CsvSource({
        "67000, D-67",
        "68100, D-68",
        "01000, D-01",
        "75015, D-75",
        "' 13001 ', D-13",
        "20000, D-2A",
        "20090, D-2A",
        "20167, D-2A",
        "20200, D-2B",
        "20290, D-2B",
        "20600, D-2B",
        "97100, D-971",
        "97200, D-972",
        "97300, D-973",
        "97400, D-974",
        "97600, D-976"
    })
    void aPostalCodeLiesInItsDépartement(String postalCode, String departement) {
        assertThat(PostalCodes.departementOf(postalCode, france)).contains(Place.parse(departement));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "98000", // Monaco
                "97500", // Saint-Pierre-et-Miquelon, a collectivité
                "98800", // Nouvelle-Calédonie
                "20700", // no Corsican code
                "00100", "6700", "670000", "67 000", "ABCDE", "", "  "
            })
    void otherCodesAndGarbageLieInNoDépartement(String postalCode) {
        assertThat(PostalCodes.departementOf(postalCode, france)).isEmpty();
    }

    @Test
    void noPostalCodeLiesInNoDépartement() {
        assertThat(PostalCodes.departementOf(null, france)).isEmpty();
    }

    @Test
    void everyBeginningOfADépartementsPostalCodesLeadsBackToIt() {
        for (var departement : france.departements()) {
            for (var beginning : PostalCodes.beginningsOf(departement)) {
                var postalCode = (beginning + "000").substring(0, 5);
                assertThat(PostalCodes.departementOf(postalCode, france))
                        .as(postalCode)
                        .contains(departement);
            }
        }
        assertThat(PostalCodes.beginningsOf(Place.parse("D-2B"))).containsExactly("202", "203", "204", "205", "206");
        assertThat(PostalCodes.beginningsOf(Place.parse("D-974"))).containsExactly("974");
    }
}
