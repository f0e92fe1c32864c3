package fr.guichet.helpdesk.reference;

import fr.guichet.account.Accounts;
import fr.guichet.account.SignedInPerson;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may manage the reference data: the agency's staff; closure periods (the calendar every
 * deadline hangs on) only its platform admins. Refused like the agency's access queue is.
 */
@Component
public class ReferenceAccess {

    private final Accounts accounts;

    ReferenceAccess(Accounts accounts) {
        this.accounts = accounts;
    }

    void requireStaff(SignedInPerson person) {
        accounts.requireStaff(person);
    }

    public void requirePlatformAdmin(SignedInPerson person) {
        if (person == null || !accounts.isPlatformAdmin(person.accountId())) {
            throw new AccessDeniedException("closure periods are for the platform admins");
        }
    }

    boolean isPlatformAdmin(SignedInPerson person) {
        return person != null && accounts.isPlatformAdmin(person.accountId());
    }
}
