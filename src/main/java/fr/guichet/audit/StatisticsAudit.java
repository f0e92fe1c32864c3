package fr.guichet.audit;

import fr.guichet.statistics.CountsPushed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Which connected service pushed counts, for which organisation and day. */
@Component
class StatisticsAudit {

    private final AuditTrail trail;

    StatisticsAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @ApplicationModuleListener
    void on(CountsPushed pushed) {
        trail.save(new AuditEntry(
                pushed.at(),
                AuditActions.of(pushed),
                null,
                pushed.organizationId(),
                "statistics of " + pushed.date() + " from " + pushed.clientId(),
                null,
                "counts: " + pushed.counts()));
    }
}
