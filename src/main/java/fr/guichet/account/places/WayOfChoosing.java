package fr.guichet.account.places;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The ways the page offers to choose places (seed 002): by région(s), by département(s), by a
 * région's départements, and other countries. Each offers some places and replaces that part of
 * the person's choice.
 */
enum WayOfChoosing {
    REGIONS("regions"),
    DEPARTEMENTS("departements"),
    DEPARTEMENTS_OF_REGION("departements-region"),
    COUNTRIES("pays");

    /** As it shows in the page's address and form. */
    final String slug;

    WayOfChoosing(String slug) {
        this.slug = slug;
    }

    static Optional<WayOfChoosing> of(@Nullable String slug) {
        return Arrays.stream(values()).filter(w -> w.slug.equals(slug)).findFirst();
    }

    /** Whether this way offers the place; a région's départements need the région. */
    boolean offers(Place place, @Nullable Place region) {
        return switch (this) {
            case REGIONS -> place.kind() == Place.Kind.REGION;
            case DEPARTEMENTS -> place.kind() == Place.Kind.DEPARTEMENT;
            case DEPARTEMENTS_OF_REGION ->
                region != null
                        && region.kind() == Place.Kind.REGION
                        && place.kind() == Place.Kind.DEPARTEMENT
                        && region.contains(place);
            case COUNTRIES -> place.kind() == Place.Kind.COUNTRY;
        };
    }

    /** The choice with this way's part replaced by these places, all of which it offers. */
    PlaceChoice apply(PlaceChoice choice, @Nullable Place region, List<Place> places) {
        return switch (this) {
            case REGIONS -> choice.withRegions(places);
            case DEPARTEMENTS -> choice.withDepartements(places);
            case DEPARTEMENTS_OF_REGION -> choice.withDepartementsOf(requireRegion(region), places);
            case COUNTRIES -> choice.withCountries(places);
        };
    }

    private static Place requireRegion(@Nullable Place region) {
        if (region == null || region.kind() != Place.Kind.REGION) {
            throw new IllegalArgumentException("a région's départements need the région");
        }
        return region;
    }
}
