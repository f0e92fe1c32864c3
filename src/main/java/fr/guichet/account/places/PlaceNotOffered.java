package fr.guichet.account.places;

import fr.guichet.shared.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A place that exists but that the way of choosing did not offer (a country among the régions). */
@ResponseStatus(HttpStatus.BAD_REQUEST)
class PlaceNotOffered extends Refusal {

    PlaceNotOffered(Place place) {
        super("places.not-offered", place.code());
    }
}
