package fr.guichet.audit;

import fr.guichet.helpdesk.ReferenceDataChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Who changed the helpdesk's reference data (products, correspondents, categories, teams, calendar), and how. */
@Component
class HelpdeskReferenceAudit {

    private final AuditTrail trail;

    HelpdeskReferenceAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @ApplicationModuleListener
    void on(ReferenceDataChanged changed) {
        trail.save(new AuditEntry(
                changed.occurredAt(),
                "REFERENCE_" + changed.what(),
                changed.actor() == null ? null : changed.actor().value(),
                null,
                changed.subject(),
                null,
                changed.detail()));
    }
}
