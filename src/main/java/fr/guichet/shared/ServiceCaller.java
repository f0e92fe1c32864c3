package fr.guichet.shared;

import java.security.Principal;
import java.util.Set;

/**
 * A connected service calling the API on its own behalf (OAuth 2 client credentials), not a person:
 * the procurement room posting the credits it consumed, or the counts it keeps. Its scopes say what
 * the platform admin let it do.
 */
public record ServiceCaller(String clientId, Set<String> scopes) implements Principal {

    /** Posts credit movements to organisations' ledgers. */
    public static final String CREDITS = "credits";

    /** Pushes its own counts into organisations' statistics. */
    public static final String STATISTICS = "statistics";

    /** Reads the encryption certificates of organisations, to encrypt their bids. */
    public static final String CERTIFICATES = "certificates";

    @Override
    public String getName() {
        return clientId;
    }

    public boolean may(String scope) {
        return scopes.contains(scope);
    }
}
