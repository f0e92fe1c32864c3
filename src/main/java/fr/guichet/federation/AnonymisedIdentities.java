package fr.guichet.federation;

import fr.guichet.account.AccountAnonymised;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An anonymised person's federated identities (the subject an identity provider knows him by) are
 * deleted: they would let whoever signs in as him there open the account again, and say who he was;
 * so are the sign-ins through SAML still in progress that carry his address.
 * Idempotent: replayed after a crash, it finds nothing left to change.
 */
@Component
class AnonymisedIdentities {

    private final JdbcClient jdbc;

    AnonymisedIdentities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(AccountAnonymised event) {
        jdbc.sql("delete from federated_identity where account_id = ?")
                .param(event.account().value())
                .update();
        jdbc.sql("delete from saml_request where email = ?")
                .param(event.formerEmail())
                .update();
    }
}
