package fr.guichet.audit;

import fr.guichet.changes.ChangeEvent;
import fr.guichet.changes.ChangeRefused;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Change requests asked and decided, under the establishment they change. */
@Component
class ChangesAudit {

    private final AuditTrail trail;

    ChangesAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @ApplicationModuleListener
    void on(ChangeEvent event) {
        var reason = event instanceof ChangeRefused refused && refused.reason() != null
                ? ", reason: " + refused.reason()
                : "";
        trail.save(new AuditEntry(
                event.occurredAt(),
                AuditActions.of(event),
                event.actor() == null ? null : event.actor().value(),
                event.establishment().value(),
                event.subject(),
                null,
                "change-request=" + event.request().value() + reason));
    }
}
