package fr.guichet.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mails to an anonymised person or about him, sent or waiting, are deleted: a copy of what was
 * sent is not worth keeping his address and names for, and one still waiting would go nowhere. So
 * is what waited for his next digest. One still waiting for others too goes, without him. The
 * notice that tells him his data were erased, written with the anonymisation, is spared, and goes
 * with the other sent mails at the end of their retention ({@link SentMailsRetention}).
 * Called by the account module when it anonymises someone (the outbox knows nobody's account);
 * idempotent: replayed after a crash, it finds nothing left to change.
 */
@Component
public class AnonymisedRecipients {

    private final JdbcClient jdbc;

    AnonymisedRecipients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param before when the person was anonymised: what was written from then on (the notice
     *     telling him so) is spared
     */
    @Transactional
    public void forget(
            long account,
            String formerEmail,
            List<String> formerNames,
            String placeholderEmail,
            String placeholderName,
            Instant before) {
        var address = like(formerEmail);
        // the notice that tells him his data were erased is written after them, and goes out
        jdbc.sql("delete from outbox_message where recipient = ? and (status = 'SENT' or created_at < ?)")
                .params(formerEmail, Timestamp.from(before))
                .update();
        // sent already: the copy is not worth his address and names (a decider told of his request)
        jdbc.sql(
                        "delete from outbox_message where status = 'SENT' and (recipient like ? escape '\\' or body like ? escape '\\')")
                .params(address, address)
                .update();
        for (var name : formerNames) {
            jdbc.sql("delete from outbox_message where status = 'SENT' and body like ? escape '\\'")
                    .param(like(name))
                    .update();
        }
        // still waiting, to others too: it goes, without him
        jdbc.sql("""
                        update outbox_message set recipient = replace(recipient, ?, ?), body = replace(body, ?, ?)
                        where created_at < ? and (recipient like ? escape '\\' or body like ? escape '\\')""")
                .params(
                        formerEmail,
                        placeholderEmail,
                        formerEmail,
                        placeholderEmail,
                        Timestamp.from(before),
                        address,
                        address)
                .update();
        for (var name : formerNames) {
            jdbc.sql(
                            "update outbox_message set body = replace(body, ?, ?) where created_at < ? and body like ? escape '\\'")
                    .params(name, placeholderName, Timestamp.from(before), like(name))
                    .update();
        }
        jdbc.sql("delete from digest_entry where account_id = ?").param(account).update();
    }

    private static String like(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
