package fr.guichet.helpdesk.tickets;

import fr.guichet.account.AccountAnonymised;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An anonymised person's address leaves the tickets that sent him their news (the ticket stays,
 * with its number, texts and history: its requester reads "Compte anonymisé n° X"), and his
 * bookmarks and visits go.
 * Idempotent: replayed after a crash, it finds nothing left to change.
 */
@Component
class AnonymisedRequesters {

    private final JdbcClient jdbc;

    AnonymisedRequesters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(AccountAnonymised event) {
        jdbc.sql("update ticket set follow_up_email = ?, version = version + 1 where follow_up_email = ?")
                .params(event.placeholderEmail(), event.formerEmail())
                .update();
        jdbc.sql("delete from ticket_bookmark where account_id = ?")
                .param(event.account().value())
                .update();
        jdbc.sql("delete from ticket_visit where account_id = ?")
                .param(event.account().value())
                .update();
    }
}
