package fr.guichet.audit;

import fr.guichet.account.AccountAnonymised;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The trail keeps its entries when a person's data are anonymised (who did what, when, stays
 * provable), but not the person's address and names inside them: they are rewritten to the
 * account's placeholder. This is the one sanctioned update path of the append-only trail, and it
 * only ever replaces a person's data by the placeholder; {@link AuditTrail} itself still has no
 * update. Then the anonymisation is recorded, once even when the event is replayed.
 */
@Component
class AnonymisationAudit {

    private final AuditTrail trail;
    private final JdbcClient jdbc;

    AnonymisationAudit(AuditTrail trail, JdbcClient jdbc) {
        this.trail = trail;
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(AccountAnonymised event) {
        scrub(event.formerEmail(), event.placeholderEmail());
        for (var name : event.formerNames()) {
            scrub(name, event.placeholderName());
        }
        var recorded = jdbc.sql("select count(*) from audit_entry where action = ? and target = ?")
                        .params(AuditActions.of(event), event.placeholderEmail())
                        .query(Long.class)
                        .single()
                > 0;
        if (!recorded) {
            trail.save(new AuditEntry(
                    event.occurredAt(),
                    AuditActions.of(event),
                    event.decidedBy() == null ? null : event.decidedBy().value(),
                    null,
                    event.placeholderEmail(),
                    null,
                    event.erasureRequest() == null ? "retention period" : "erasure request " + event.erasureRequest()));
        }
    }

    private void scrub(String personal, String placeholder) {
        if (personal == null || personal.isBlank()) {
            return;
        }
        var pattern = "%" + personal.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        jdbc.sql("""
                        update audit_entry set target = replace(target, ?, ?), details = replace(details, ?, ?)
                        where target like ? escape '\\' or details like ? escape '\\'""")
                .params(personal, placeholder, personal, placeholder, pattern, pattern)
                .update();
    }
}
