package fr.guichet.account.places;

import fr.guichet.account.AccountId;
import java.util.ArrayList;
import java.util.Collection;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person changes the places he chose: every code is checked before anything is kept. */
@Service
class ChosenPlaces {

    private final PlacePreferences preferences;

    ChosenPlaces(PlacePreferences preferences) {
        this.preferences = preferences;
    }

    PlaceChoice of(AccountId person) {
        return preferences.of(person);
    }

    /**
     * Replaces the part of his choice this way offers with these codes.
     *
     * @throws UnknownPlace when a code, or the région's, is no place's
     * @throws PlaceNotOffered when a place is not one this way offers
     */
    @Transactional
    PlaceChoice choose(AccountId person, WayOfChoosing way, @Nullable String regionCode, Collection<String> codes) {
        var region = way == WayOfChoosing.DEPARTEMENTS_OF_REGION ? Place.parse(regionCode) : null;
        if (region != null && region.kind() != Place.Kind.REGION) {
            throw new PlaceNotOffered(region);
        }
        var places = new ArrayList<Place>();
        for (var code : codes) {
            var place = Place.parse(code);
            if (!way.offers(place, region)) {
                throw new PlaceNotOffered(place);
            }
            places.add(place);
        }
        var chosen = way.apply(preferences.of(person), region, places);
        preferences.choose(person, chosen);
        return chosen;
    }

    @Transactional
    void clear(AccountId person) {
        preferences.choose(person, PlaceChoice.none());
    }
}
