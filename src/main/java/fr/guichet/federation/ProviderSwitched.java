package fr.guichet.federation;

import fr.guichet.account.AccountId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A provider turned off (no sign-in through it any more) or back on, by a platform admin, or by the
 * federation's metadata (then without an actor) that stopped or started listing it again.
 */
public record ProviderSwitched(
        @Nullable AccountId actor,
        long providerId,
        String subject,
        @Nullable Long establishmentId,
        boolean enabled,
        @Nullable String sourceAddress,
        Instant occurredAt)
        implements FederationEvent {

    @Override
    public String details() {
        return "provider=" + providerId + (enabled ? ", enabled" : ", disabled");
    }
}
