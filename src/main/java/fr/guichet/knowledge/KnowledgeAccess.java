package fr.guichet.knowledge;

import fr.guichet.account.Accounts;
import fr.guichet.account.SignedInPerson;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** The published sheets and the FAQ are edited by the agency's staff (DESIGN.md §1: agents edit the KB/FAQ). */
@Component
class KnowledgeAccess {

    private final Accounts accounts;

    KnowledgeAccess(Accounts accounts) {
        this.accounts = accounts;
    }

    void requireStaff(SignedInPerson person) {
        if (person == null || !accounts.isStaff(person.accountId())) {
            throw new AccessDeniedException("the knowledge base is edited by the agency's staff");
        }
    }
}
