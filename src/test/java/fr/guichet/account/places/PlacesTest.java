package fr.guichet.account.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Places by their codes, how they read, and a person's choice said the shortest way. */
class PlacesTest {

    final Places places = new Places(null, null);

    static Place place(String code) {
        return Place.parse(code);
    }

    @Test
    void codesNameTheKindAndTheOfficialCodeInAnyCase() {
        assertThat(place("D-67").kind()).isEqualTo(Place.Kind.DEPARTEMENT);
        assertThat(place("d-2a")).isEqualTo(place("D-2A"));
        assertThat(place(" R-44 ").code()).isEqualTo("R-44");
        assertThat(place("C-DE").officialCode()).isEqualTo("DE");
        assertThat(places.parse("D-971").label(Locale.FRENCH)).isEqualTo("(971) Guadeloupe");
    }

    @ParameterizedTest
    @ValueSource(strings = {"D-99", "D-20", "D-975", "R-99", "C-FR", "C-XX", "C-GP", "67", "R44", "D67", "", "X-67"})
    void anUnknownCodeIsRefused(String code) {
        assertThatThrownBy(() -> places.parse(code))
                .isInstanceOf(UnknownPlace.class)
                .extracting(e -> ((UnknownPlace) e).messageKey())
                .isEqualTo("places.unknown");
    }

    @Test
    void noCodeIsRefused() {
        assertThatThrownBy(() -> places.parse(null)).isInstanceOf(UnknownPlace.class);
    }

    @Test
    void theSummaryReadsAsTheSeedShowsIt() {
        assertThat(places.summary(List.of(place("D-68"), place("D-67")), Locale.FRENCH))
                .isEqualTo("(67) Bas-Rhin, (68) Haut-Rhin");
        assertThat(places.summary(
                        List.of(place("C-DE"), place("D-2A"), place("R-53"), place("R-44"), place("C-BE")),
                        Locale.FRENCH))
                .isEqualTo("Bretagne, Grand Est, (2A) Corse-du-Sud, Allemagne, Belgique");
        assertThat(places.summary(List.of(place("C-DE"), place("R-44")), Locale.ENGLISH))
                .isEqualTo("Grand Est, Germany");
        assertThat(places.summary(List.of(), Locale.FRENCH)).isEmpty();
    }

    @Test
    void aRégionContainsItselfAndItsDépartements() {
        assertThat(place("R-44").contains(place("D-67"))).isTrue();
        assertThat(place("R-44").contains(place("R-44"))).isTrue();
        assertThat(place("R-44").contains(place("D-2A"))).isFalse();
        assertThat(place("D-67").contains(place("R-44"))).isFalse();
    }

    @Test
    void aRégionWhoseEveryDépartementIsChosenIsTheRégion() {
        var corsica = new PlaceChoice(Set.of(place("D-2A"), place("D-2B"), place("D-67")));
        assertThat(corsica.places()).containsExactlyInAnyOrder(place("R-94"), place("D-67"));
    }

    @Test
    void aDépartementOfAChosenRégionIsAlreadyInIt() {
        var choice = new PlaceChoice(Set.of(place("R-44"), place("D-67"), place("D-13")));
        assertThat(choice.places()).containsExactlyInAnyOrder(place("R-44"), place("D-13"));
        assertThat(choice.covers(place("D-68"))).isTrue();
        assertThat(choice.covers(place("D-14"))).isFalse();
    }

    @Test
    void eachWayReplacesItsPartAndKeepsTheOthers() {
        var choice = new PlaceChoice(Set.of(place("R-53"), place("D-67"), place("C-DE")));

        assertThat(WayOfChoosing.REGIONS
                        .apply(choice, null, List.of(place("R-94")))
                        .places())
                .containsExactlyInAnyOrder(place("R-94"), place("D-67"), place("C-DE"));
        assertThat(WayOfChoosing.DEPARTEMENTS
                        .apply(choice, null, List.of(place("D-13")))
                        .places())
                .containsExactlyInAnyOrder(place("D-13"), place("C-DE"));
        assertThat(WayOfChoosing.DEPARTEMENTS_OF_REGION
                        .apply(choice, place("R-44"), List.of(place("D-68")))
                        .places())
                .containsExactlyInAnyOrder(place("R-53"), place("D-68"), place("C-DE"));
        assertThat(WayOfChoosing.COUNTRIES
                        .apply(choice, null, List.of(place("C-BE"), place("C-CH")))
                        .places())
                .containsExactlyInAnyOrder(place("R-53"), place("D-67"), place("C-BE"), place("C-CH"));
    }

    @Test
    void eachWayOffersOnlyItsPlaces() {
        assertThat(WayOfChoosing.REGIONS.offers(place("R-44"), null)).isTrue();
        assertThat(WayOfChoosing.REGIONS.offers(place("D-67"), null)).isFalse();
        assertThat(WayOfChoosing.DEPARTEMENTS.offers(place("C-DE"), null)).isFalse();
        assertThat(WayOfChoosing.DEPARTEMENTS_OF_REGION.offers(place("D-67"), place("R-44")))
                .isTrue();
        assertThat(WayOfChoosing.DEPARTEMENTS_OF_REGION.offers(place("D-13"), place("R-44")))
                .isFalse();
        assertThat(WayOfChoosing.DEPARTEMENTS_OF_REGION.offers(place("D-67"), null))
                .isFalse();
        assertThat(WayOfChoosing.COUNTRIES.offers(place("R-44"), null)).isFalse();
    }

    @Test
    void theRegionsAreListedByNameWithTheirDépartementsByCode() {
        var regions = places.allRegions();
        assertThat(regions.get(0).region().name(Locale.FRENCH)).isEqualTo("Auvergne-Rhône-Alpes");
        var grandEst = regions.stream()
                .filter(r -> r.region().equals(place("R-44")))
                .findFirst()
                .orElseThrow();
        assertThat(grandEst.departements().stream().map(Place::officialCode))
                .containsExactly("08", "10", "51", "52", "54", "55", "57", "67", "68", "88");
        assertThat(places.allCountries(Locale.FRENCH).get(0).name(Locale.FRENCH))
                .isEqualTo("Afghanistan");
    }
}
