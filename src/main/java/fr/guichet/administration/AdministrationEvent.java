package fr.guichet.administration;

import fr.guichet.account.AccountId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/** Something an administrator did in an organisation, as the audit trail records it. */
@NamedInterface("events")
public interface AdministrationEvent {

    @Nullable
    AccountId actor();

    long organizationId();

    /** What was acted on: a person's e-mail, an organisation's name, a right. */
    String target();

    String sourceAddress();

    Instant occurredAt();
}
