package fr.guichet.federation;

import fr.guichet.account.AccountId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A provider added or changed, on the page or by the configuration (then without an actor). */
public record ProviderSaved(
        @Nullable AccountId actor,
        long providerId,
        String subject,
        @Nullable Long establishmentId,
        boolean created,
        @Nullable String sourceAddress,
        Instant occurredAt)
        implements FederationEvent {

    @Override
    public String details() {
        return "provider=" + providerId + (created ? ", created" : ", changed");
    }
}
