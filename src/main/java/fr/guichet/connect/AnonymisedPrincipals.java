package fr.guichet.connect;

import fr.guichet.account.AccountAnonymised;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An anonymised person's authorisations and consents given to connected services are deleted: no
 * token issued to him stays valid, nor any record of what he allowed.
 * Idempotent: replayed after a crash, it finds nothing left to change.
 */
@Component
class AnonymisedPrincipals {

    private final JdbcClient jdbc;

    AnonymisedPrincipals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(AccountAnonymised event) {
        var principal = Long.toString(event.account().value());
        jdbc.sql("delete from oauth2_authorization where principal_name = ?")
                .param(principal)
                .update();
        jdbc.sql("delete from oauth2_authorization_consent where principal_name = ?")
                .param(principal)
                .update();
    }
}
