package fr.guichet.federation;

import jakarta.servlet.http.HttpServletRequest;

/** How a protocol's module sends the browser to one of its providers. */
public interface ProviderDoor {

    Protocol protocol();

    /**
     * Where to send the browser to sign in through this provider.
     *
     * @throws ProviderUnavailable when the provider cannot be reached or its settings read
     */
    String entrance(ProviderView provider, HttpServletRequest request);

    /** The provider could not be reached: the person is told, and may still use his password. */
    final class ProviderUnavailable extends RuntimeException {

        public ProviderUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
