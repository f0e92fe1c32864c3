package fr.guichet.federation;

import java.io.Serial;
import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * A person the provider vouched for and who has no account yet, kept in his session while he
 * completes what it did not say.
 */
record Newcomer(
        long providerId,
        String providerName,
        AssertedIdentity identity,
        @Nullable Long establishmentId) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
}
