package fr.guichet.audit;

import fr.guichet.branding.BrandingPublished;
import fr.guichet.branding.BrandingReset;
import java.time.Instant;
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
        save(
                published,
                published.actorId(),
                published.organizationId(),
                published.sourceAddress(),
                published.occurredAt());
    }

    @ApplicationModuleListener
    void on(BrandingReset reset) {
        save(reset, reset.actorId(), reset.organizationId(), reset.sourceAddress(), reset.occurredAt());
    }

    private void save(Object event, long actor, long organization, String sourceAddress, Instant at) {
        trail.save(new AuditEntry(
                at, AuditActions.of(event), actor, organization, "organization " + organization, sourceAddress, null));
    }
}
