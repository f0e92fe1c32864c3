package fr.guichet.audit;

import fr.guichet.access.AccessEvent;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Writes access requests, decisions, reviews and revocations to the trail, under the requester's establishment. */
@Component
class AccessAudit {

    private final AuditTrail trail;

    AccessAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @ApplicationModuleListener
    void on(AccessEvent event) {
        trail.save(new AuditEntry(
                event.occurredAt(),
                AuditActions.of(event),
                event.actor() == null ? null : event.actor().value(),
                event.establishmentId(),
                event.target(),
                event.sourceAddress(),
                "request=" + event.request().value()));
    }
}
