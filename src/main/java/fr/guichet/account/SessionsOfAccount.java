package fr.guichet.account;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/** Ends a person's sessions on every node, for instance when his password changes. */
@Component
public class SessionsOfAccount {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SessionsOfAccount(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** Every session of the account but the one given (null: all of them). */
    public void endAllBut(AccountId account, String keptSessionId) {
        sessions.findByPrincipalName(SignedInPerson.principalName(account)).keySet().stream()
                .filter(id -> !id.equals(keptSessionId))
                .forEach(sessions::deleteById);
    }
}
