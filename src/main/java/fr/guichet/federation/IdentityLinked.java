package fr.guichet.federation;

import fr.guichet.account.AccountId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An identity tied to an account: at the first sign-in of a new account, by the vouched-for address
 * of an existing one, or by the person himself from "Mon compte".
 */
public record IdentityLinked(
        AccountId actor,
        long providerId,
        String subject,
        @Nullable Long establishmentId,
        How how,
        @Nullable String sourceAddress,
        Instant occurredAt)
        implements FederationEvent {

    public enum How {
        NEW_ACCOUNT,
        SAME_ADDRESS,
        BY_PERSON
    }

    @Override
    public String details() {
        return "provider=" + providerId + ", "
                + how.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
