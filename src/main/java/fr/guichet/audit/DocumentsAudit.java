package fr.guichet.audit;

import fr.guichet.documents.DocumentAdded;
import fr.guichet.documents.DocumentRemoved;
import fr.guichet.documents.DocumentReplaced;
import java.time.Instant;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Who put, replaced or removed which file in which document space: staff acts, kept in the trail. */
@Component
class DocumentsAudit {

    private final AuditTrail trail;

    DocumentsAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @ApplicationModuleListener
    void on(DocumentAdded added) {
        save(
                added.occurredAt(),
                "DOCUMENT_ADDED",
                added.actor().value(),
                added.ownerKind(),
                added.ownerId(),
                added.title(),
                added.document().value());
    }

    @ApplicationModuleListener
    void on(DocumentReplaced replaced) {
        save(
                replaced.occurredAt(),
                "DOCUMENT_REPLACED",
                replaced.actor().value(),
                replaced.ownerKind(),
                replaced.ownerId(),
                replaced.title(),
                replaced.document().value());
    }

    @ApplicationModuleListener
    void on(DocumentRemoved removed) {
        save(
                removed.occurredAt(),
                "DOCUMENT_REMOVED",
                removed.actor().value(),
                removed.ownerKind(),
                removed.ownerId(),
                removed.title(),
                removed.document().value());
    }

    private void save(Instant at, String action, long actor, String kind, long owner, String title, long document) {
        trail.save(new AuditEntry(
                at, action, actor, null, kind + " " + owner + ": " + title, null, "document=" + document));
    }
}
