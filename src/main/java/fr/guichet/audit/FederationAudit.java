package fr.guichet.audit;

import fr.guichet.federation.FederationEvent;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Identity providers added, changed, turned off or on (by a platform admin, or by the deployment's
 * configuration: then without an actor), and identities tied to or untied from accounts.
 */
@Component
class FederationAudit {

    private final AuditTrail trail;

    FederationAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @ApplicationModuleListener
    void on(FederationEvent event) {
        trail.save(new AuditEntry(
                event.occurredAt(),
                AuditActions.of(event),
                event.actor() == null ? null : event.actor().value(),
                event.establishmentId(),
                event.subject(),
                event.sourceAddress(),
                event.details()));
    }
}
