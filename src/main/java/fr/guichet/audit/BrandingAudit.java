package fr.guichet.audit;

import fr.guichet.branding.BrandingPublished;
import fr.guichet.branding.BrandingReset;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Who published or erased an organisation's branding, from where: shown in that organisation's journal. */
@Component
class BrandingAudit {

    private final AuditTrail trail;

    BrandingAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @ApplicationModuleListener
    void on(BrandingPublished published) {
        trail.save(new AuditEntry(
                published.occurredAt(),
                AuditActions.of(published),
                published.actorId(),
                published.organizationId(),
                "organization " + published.organizationId(),
                published.sourceAddress(),
                null));
    }

    @ApplicationModuleListener
    void on(BrandingReset reset) {
        trail.save(new AuditEntry(
                reset.occurredAt(),
                AuditActions.of(reset),
                reset.actorId(),
                reset.organizationId(),
                "organization " + reset.organizationId(),
                reset.sourceAddress(),
                null));
    }
}
