package fr.guichet.notification;

import fr.guichet.account.AccountAnonymised;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The mails to an anonymised person or about him, sent or waiting, are deleted: a copy of what was
 * sent is not worth keeping his address and names for, and one still waiting would go nowhere. So
 * is what waited for his next digest. One still waiting for others too goes, without him. The
 * notice that tells him his data were erased, written with the anonymisation, is spared, and goes
 * with the other sent mails at the end of their retention ({@link SentMailsRetention}).
 * Idempotent: replayed after a crash, it finds nothing left to change.
 */
@Component
class AnonymisedRecipients {

    private final JdbcClient jdbc;

    AnonymisedRecipients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(AccountAnonymised event) {
        var address = like(event.formerEmail());
        // the notice that tells him his data were erased is written after them, and goes out
        jdbc.sql("delete from outbox_message where recipient = ? and (status = 'SENT' or created_at < ?)")
                .params(event.formerEmail(), event.occurredAt())
                .update();
        // sent already: the copy is not worth his address and names (a decider told of his request)
        jdbc.sql(
                        "delete from outbox_message where status = 'SENT' and (recipient like ? escape '\\' or body like ? escape '\\')")
                .params(address, address)
                .update();
        for (var name : event.formerNames()) {
            jdbc.sql("delete from outbox_message where status = 'SENT' and body like ? escape '\\'")
                    .param(like(name))
                    .update();
        }
        // still waiting, to others too: it goes, without him
        jdbc.sql("""
                        update outbox_message set recipient = replace(recipient, ?, ?), body = replace(body, ?, ?)
                        where created_at < ? and (recipient like ? escape '\\' or body like ? escape '\\')""")
                .params(
                        event.formerEmail(),
                        event.placeholderEmail(),
                        event.formerEmail(),
                        event.placeholderEmail(),
                        event.occurredAt(),
                        address,
                        address)
                .update();
        for (var name : event.formerNames()) {
            jdbc.sql(
                            "update outbox_message set body = replace(body, ?, ?) where created_at < ? and body like ? escape '\\'")
                    .params(name, event.placeholderName(), event.occurredAt(), like(name))
                    .update();
        }
        jdbc.sql("delete from digest_entry where account_id = ?")
                .param(event.account().value())
                .update();
    }

    private static String like(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
