package fr.guichet.helpdesk.reference;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.ReferenceDataChanged;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Every change of the reference data leaves one event, published in the change's transaction. */
@Component
public class ReferenceLog {

    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReferenceLog(ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    public void changed(AccountId actor, String what, String subject, String detail) {
        events.publishEvent(new ReferenceDataChanged(actor, what, subject, detail, clock.instant()));
    }
}
