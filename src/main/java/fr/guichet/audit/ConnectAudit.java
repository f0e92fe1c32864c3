package fr.guichet.audit;

import fr.guichet.connect.ConnectedServiceEvent;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Connected services registered, given new secrets or disabled by a platform admin: the agency's acts. */
@Component
class ConnectAudit {

    private final AuditTrail trail;

    ConnectAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @ApplicationModuleListener
    void on(ConnectedServiceEvent event) {
        trail.save(new AuditEntry(
                event.occurredAt(),
                AuditActions.of(event),
                event.actor().value(),
                null,
                event.target(),
                event.sourceAddress(),
                "service=" + event.serviceId()));
    }
}
