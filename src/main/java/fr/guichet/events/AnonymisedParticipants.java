package fr.guichet.events;

import fr.guichet.account.AccountAnonymised;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An anonymised person's registrations stay (the sessions' figures and the agency's statistics count
 * them), without the note he wrote; his attendance certificates name the placeholder, and the lists
 * an agent imported no longer hold his address.
 * Idempotent: replayed after a crash, it finds nothing left to change.
 */
@Component
class AnonymisedParticipants {

    private final JdbcClient jdbc;

    AnonymisedParticipants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(AccountAnonymised event) {
        jdbc.sql("update event_registration set note = null where account_id = ? and note is not null")
                .param(event.account().value())
                .update();
        jdbc.sql("update attendance_certificate set person_name = ? where account_id = ?")
                .params(event.placeholderName(), event.account().value())
                .update();
        jdbc.sql("update event_import_line set email = ? where email = ?")
                .params(event.placeholderEmail(), event.formerEmail())
                .update();
    }
}
