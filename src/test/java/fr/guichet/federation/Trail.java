package fr.guichet.federation;

import static org.awaitility.Awaitility.await;

import fr.guichet.account.AccountId;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the audit trail wrote of a person's act, once its listener has run. */
final class Trail {

    private Trail() {}

    /** The details of every entry of this action by this person, joined by " | ". */
    static String details(JdbcClient jdbc, String action, AccountId actor) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("select count(*) from audit_entry where action = ? and actor_account_id = ?")
                                .params(action, actor.value())
                                .query(Long.class)
                                .single()
                        > 0);
        return String.join(
                " | ",
                jdbc.sql("select coalesce(details, '') from audit_entry where action = ? and actor_account_id = ?")
                        .params(action, actor.value())
                        .query(String.class)
                        .list());
    }
}
