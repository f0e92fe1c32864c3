package fr.guichet.audit;

import fr.guichet.releases.ProjectAddressChanged;
import fr.guichet.releases.ReleaseEvent;
import fr.guichet.releases.ReleasePublished;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Releases prepared and published (with how many e-mails went out), and project addresses set or
 * cleared, under the establishment they concern when there is one.
 */
@Component
class ReleasesAudit {

    private final AuditTrail trail;

    ReleasesAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @ApplicationModuleListener
    void on(ReleaseEvent event) {
        var details = "product=" + event.product().value();
        if (event instanceof ReleasePublished published) {
            details += ", mails: " + published.mails();
        }
        if (event instanceof ProjectAddressChanged && event.subject().isEmpty()) {
            details += ", cleared";
        }
        trail.save(new AuditEntry(
                event.occurredAt(),
                AuditActions.of(event),
                event.actor().value(),
                event.establishment() == null ? null : event.establishment().value(),
                event.subject().isEmpty() ? null : event.subject(),
                null,
                details));
    }
}
