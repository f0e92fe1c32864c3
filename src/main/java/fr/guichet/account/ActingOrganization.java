package fr.guichet.account;

import fr.guichet.organization.OrganizationId;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The organisation a person with several memberships acts for (one account for the several organisations a person works for):
 * chosen in the header, kept in his session, one of his memberships or else his first.
 */
@Component
public class ActingOrganization {

    static final String SESSION_KEY = "guichet.actingOrganization";

    private final Accounts accounts;

    ActingOrganization(Accounts accounts) {
        this.accounts = accounts;
    }

    public Optional<OrganizationId> current() {
        return CurrentPerson.get().flatMap(person -> of(person.accountId(), session()));
    }

    public Optional<OrganizationId> of(AccountId person, HttpSession session) {
        List<OrganizationId> memberships = accounts.organizationsOf(person);
        var chosen = session == null ? null : session.getAttribute(SESSION_KEY);
        if (chosen instanceof Long id && memberships.contains(new OrganizationId(id))) {
            return Optional.of(new OrganizationId(id));
        }
        return memberships.stream().findFirst();
    }

    /** False when the person is not a member of it: nothing changes then. */
    public boolean choose(AccountId person, OrganizationId organization, HttpSession session) {
        if (!accounts.organizationsOf(person).contains(organization)) {
            return false;
        }
        session.setAttribute(SESSION_KEY, organization.value());
        return true;
    }

    private static HttpSession session() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getSession(false)
                : null;
    }
}
