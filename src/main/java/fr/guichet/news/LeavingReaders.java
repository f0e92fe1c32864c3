package fr.guichet.news;

import fr.guichet.account.events.MembershipEnded;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Someone who left an establishment no longer reads what was published to its people: the
 * announcements aimed at it forget him, in the transaction that ends his membership, and one still
 * being sent no longer tells him.
 */
@Component
class LeavingReaders {

    private final JdbcClient jdbc;

    LeavingReaders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(MembershipEnded ended) {
        if (!ended.leftEstablishment()) {
            return;
        }
        jdbc.sql("""
                        delete from announcement_recipient
                        where account_id = :person and announcement_id in (
                            select announcement_id from announcement_target
                            where criterion = 'ESTABLISHMENT' and aimed_at = :establishment)""")
                .param("person", ended.account().value())
                .param("establishment", String.valueOf(ended.establishment().value()))
                .update();
    }
}
