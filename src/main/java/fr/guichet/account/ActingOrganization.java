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
 * chosen in the header, kept in his session, one of those he may act for (his confirmed memberships), or else
 * his principal one (seed 002's "compte principal", {@link Associations}). The principal is the lasting
 * default he chooses on "Mes comptes associés"; this is the session's choice, which starts from it.
 */
@Component
public class ActingOrganization {

    static final String SESSION_KEY = "guichet.actingOrganization";

    private final Associations associations;

    ActingOrganization(Associations associations) {
        this.associations = associations;
    }

    public Optional<OrganizationId> current() {
        return CurrentPerson.get().flatMap(person -> of(person.accountId(), session()));
    }

    public Optional<OrganizationId> of(AccountId person, HttpSession session) {
        List<OrganizationId> memberships = associations.actable(person);
        var chosen = session == null ? null : session.getAttribute(SESSION_KEY);
        if (chosen instanceof Long id && memberships.contains(new OrganizationId(id))) {
            return Optional.of(new OrganizationId(id));
        }
        return memberships.stream().findFirst();
    }

    /** False when he may not act for it (not his, or not confirmed yet): nothing changes then. */
    public boolean choose(AccountId person, OrganizationId organization, HttpSession session) {
        if (!associations.actable(person).contains(organization)) {
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
