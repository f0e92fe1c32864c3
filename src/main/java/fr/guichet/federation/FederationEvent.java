package fr.guichet.federation;

import fr.guichet.account.AccountId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What the audit trail keeps of providers and identities. */
public sealed interface FederationEvent permits ProviderSaved, ProviderSwitched, IdentityLinked, IdentityUnlinked {

    /** Who acted: none when the deployment's configuration wrote a provider. */
    @Nullable
    AccountId actor();

    /** The establishment of the provider, when it has one. */
    @Nullable
    Long establishmentId();

    /** The provider, in words the trail keeps. */
    String subject();

    String details();

    @Nullable
    String sourceAddress();

    Instant occurredAt();
}
