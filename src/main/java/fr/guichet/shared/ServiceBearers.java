package fr.guichet.shared;

import java.util.Optional;

/**
 * Recognises the access tokens connected services got for themselves (client credentials), so that
 * the API can take them beside personal tokens; the module that issues them implements it.
 */
public interface ServiceBearers {

    /** The enabled connected service this token was issued to, if it is a valid one of theirs. */
    Optional<ServiceCaller> authenticate(String token);
}
