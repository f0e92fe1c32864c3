package fr.guichet.audit;

import fr.guichet.knowledge.KnowledgeChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Who rewrote or withdrew a published sheet, and who changed the FAQ. */
@Component
class KnowledgeAudit {

    private final AuditTrail trail;

    KnowledgeAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @ApplicationModuleListener
    void on(KnowledgeChanged changed) {
        trail.save(new AuditEntry(
                changed.occurredAt(),
                "KNOWLEDGE_" + changed.what(),
                changed.actor().value(),
                null,
                changed.subject(),
                null,
                null));
    }
}
