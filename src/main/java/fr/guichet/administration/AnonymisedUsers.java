package fr.guichet.administration;

import fr.guichet.account.AccountAnonymised;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An anonymised person's address leaves the reports of the user imports that named him (the line
 * stays, so that the report's counts still add up); whatever right was left on his account goes.
 * Idempotent: replayed after a crash, it finds nothing left to change.
 */
@Component
class AnonymisedUsers {

    private final JdbcClient jdbc;

    AnonymisedUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(AccountAnonymised event) {
        jdbc.sql("update user_import_line set email = ? where email = ?")
                .params(event.placeholderEmail(), event.formerEmail())
                .update();
        jdbc.sql("delete from organization_grant where account_id = ?")
                .param(event.account().value())
                .update();
        jdbc.sql("delete from super_admin where account_id = ?")
                .param(event.account().value())
                .update();
    }
}
