package fr.guichet.federation;

import fr.guichet.account.AccountId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An identity no longer signs the person in: he unlinked it from "Mon compte". */
public record IdentityUnlinked(
        AccountId actor,
        long providerId,
        String subject,
        @Nullable Long establishmentId,
        @Nullable String sourceAddress,
        Instant occurredAt)
        implements FederationEvent {

    @Override
    public String details() {
        return "provider=" + providerId;
    }
}
