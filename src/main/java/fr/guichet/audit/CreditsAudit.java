package fr.guichet.audit;

import fr.guichet.credits.CreditMovementCorrected;
import fr.guichet.credits.CreditTreeChosen;
import fr.guichet.credits.CreditsCredited;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What people did to credits by hand: an agent's credit, a correction, a tree's balance mode. What
 * connected services post is the ledger's own record, with its origin and reference.
 */
@Component
class CreditsAudit {

    private final AuditTrail trail;

    CreditsAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @ApplicationModuleListener
    void on(CreditsCredited credited) {
        trail.save(new AuditEntry(
                credited.at(),
                AuditActions.of(credited),
                credited.agentId(),
                credited.organizationId(),
                "credit movement " + credited.movementId(),
                credited.sourceAddress(),
                "amount: " + credited.amount() + ", reason: " + credited.reason()));
    }

    @ApplicationModuleListener
    void on(CreditMovementCorrected corrected) {
        trail.save(new AuditEntry(
                corrected.at(),
                AuditActions.of(corrected),
                corrected.agentId(),
                corrected.organizationId(),
                "credit movement " + corrected.correctedId(),
                corrected.sourceAddress(),
                "counter-movement: " + corrected.counterId() + ", reason: " + corrected.reason()));
    }

    @ApplicationModuleListener
    void on(CreditTreeChosen chosen) {
        trail.save(new AuditEntry(
                chosen.at(),
                AuditActions.of(chosen),
                chosen.actorId(),
                chosen.establishmentId(),
                "credit balances of the tree",
                chosen.sourceAddress(),
                chosen.separate() ? "separate" : "shared"));
    }
}
