package fr.guichet.audit;

import fr.guichet.administration.AdministrationEvent;
import fr.guichet.administration.AuthenticationChanged;
import fr.guichet.administration.MembershipRefused;
import fr.guichet.administration.RightGranted;
import fr.guichet.administration.RightRevoked;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Writes the acts of delegated administration to the trail, with the organisation concerned. */
@Component
class AdministrationAudit {

    private final AuditTrail trail;

    AdministrationAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @ApplicationModuleListener
    void on(AdministrationEvent event) {
        trail.save(new AuditEntry(
                event.occurredAt(),
                AuditActions.of(event),
                event.actor() == null ? null : event.actor().value(),
                event.organizationId(),
                event.target(),
                event.sourceAddress(),
                details(event)));
    }

    private static @Nullable String details(AdministrationEvent event) {
        if (event instanceof RightGranted granted) {
            return granted.kind() + " " + granted.code();
        }
        if (event instanceof RightRevoked revoked) {
            return revoked.kind() + " " + revoked.code();
        }
        if (event instanceof AuthenticationChanged changed) {
            return changed.details();
        }
        if (event instanceof MembershipRefused refused && !refused.reason().isEmpty()) {
            return "reason: " + refused.reason();
        }
        return null;
    }
}
