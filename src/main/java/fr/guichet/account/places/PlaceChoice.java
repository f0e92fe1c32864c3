package fr.guichet.account.places;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The places a person chose, said the shortest way: a région whose every département is chosen is
 * the région, and a département of a chosen région is already in it. Each way of choosing on the page
 * replaces one part and keeps the others.
 */
record PlaceChoice(Set<Place> places) {

    PlaceChoice {
        places = shortest(places);
    }

    static PlaceChoice none() {
        return new PlaceChoice(Set.of());
    }

    /** The régions, the départements taken one by one elsewhere kept. */
    PlaceChoice withRegions(Collection<Place> regions) {
        return replacing(p -> p.kind() == Place.Kind.REGION, regions);
    }

    /** All of France, as its départements. */
    PlaceChoice withDepartements(Collection<Place> departements) {
        return replacing(p -> p.kind() != Place.Kind.COUNTRY, departements);
    }

    /** One région's part: the région and its départements. */
    PlaceChoice withDepartementsOf(Place region, Collection<Place> departements) {
        return replacing(region::contains, departements);
    }

    PlaceChoice withCountries(Collection<Place> countries) {
        return replacing(p -> p.kind() == Place.Kind.COUNTRY, countries);
    }

    /** Whether the place is chosen, by itself or through its région. */
    boolean covers(Place place) {
        return places.stream().anyMatch(p -> p.contains(place));
    }

    private PlaceChoice replacing(Predicate<Place> part, Collection<Place> chosen) {
        var next = new LinkedHashSet<Place>();
        places.stream().filter(part.negate()).forEach(next::add);
        next.addAll(chosen);
        return new PlaceChoice(next);
    }

    private static Set<Place> shortest(Set<Place> places) {
        var geography = Geography.FRANCE;
        var shortest = new LinkedHashSet<Place>(places);
        for (var region : geography.regions()) {
            var departements = geography.departementsOf(region);
            if (!departements.isEmpty() && shortest.containsAll(departements)) {
                shortest.add(region);
            }
        }
        shortest.removeIf(p -> p.region().filter(shortest::contains).isPresent());
        return Set.copyOf(shortest);
    }
}
