package fr.guichet.account;

import java.util.Optional;

/**
 * Whether the establishment of an address's domain signs its members in itself: then registering
 * with a password is refused kindly, and the person is sent to his establishment's provider
 * (the federation module answers; without it, nobody does).
 */
public interface EstablishmentSignIn {

    /** The provider's name as people read it, and the portal's path that leads to it. */
    record Door(String providerName, String path) {}

    Optional<Door> forEmailDomain(String domain);

    /** Whether any establishment's provider is on: the sign-in page offers the way only then. */
    boolean offered();
}
