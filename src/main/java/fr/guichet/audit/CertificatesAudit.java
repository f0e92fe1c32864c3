package fr.guichet.audit;

import fr.guichet.certificates.CertificateAdded;
import fr.guichet.certificates.CertificateRemoved;
import fr.guichet.certificates.CertificateRequestMoved;
import fr.guichet.certificates.CertificateRequested;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Every act on encryption certificates: requests and their moves, certificates added and removed. */
@Component
class CertificatesAudit {

    private final AuditTrail trail;

    CertificatesAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @ApplicationModuleListener
    void on(CertificateRequested requested) {
        trail.save(new AuditEntry(
                requested.at(),
                AuditActions.of(requested),
                requested.actorId(),
                requested.organizationId(),
                "certificate request " + requested.requestId(),
                requested.sourceAddress(),
                "support: " + requested.support() + ", supports: " + requested.supports()));
    }

    @ApplicationModuleListener
    void on(CertificateRequestMoved moved) {
        trail.save(new AuditEntry(
                moved.at(),
                AuditActions.of(moved),
                moved.actorId(),
                moved.organizationId(),
                "certificate request " + moved.requestId(),
                moved.sourceAddress(),
                moved.from() + " -> " + moved.to()));
    }

    @ApplicationModuleListener
    void on(CertificateAdded added) {
        trail.save(new AuditEntry(
                added.at(),
                AuditActions.of(added),
                added.actorId(),
                added.organizationId(),
                "encryption certificate " + added.certificateId(),
                added.sourceAddress(),
                details(added.origin()
                        + (added.requestId() == null ? "" : " of request " + added.requestId())
                        + ", serial: " + added.serial() + ", sha256: " + added.sha256() + ", not after: "
                        + added.notAfter() + ", subject: " + added.subject())));
    }

    @ApplicationModuleListener
    void on(CertificateRemoved removed) {
        trail.save(new AuditEntry(
                removed.at(),
                AuditActions.of(removed),
                removed.actorId(),
                removed.organizationId(),
                "encryption certificate " + removed.certificateId(),
                removed.sourceAddress(),
                details("serial: " + removed.serial() + ", sha256: " + removed.sha256() + ", subject: "
                        + removed.subject())));
    }

    // the trail's details hold 1000 characters; a subject may be long
    private static String details(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
