package fr.guichet.events;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.administration.Delegation;
import fr.guichet.news.Announcements;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.OrganizationView;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.NotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with events. Organising (publishing, the lists, the roll, registering others) is the
 * agency's agents'. A member sees an event aimed at him, and its participants only where the event
 * shows them and he holds a place himself. An establishment's super admins decide on its members'
 * registrations while they are its super admins. Whoever may not see something is told it does not
 * exist.
 */
@Component
class EventAccess {

    private final Accounts accounts;
    private final Delegation delegation;
    private final Organizations organizations;
    private final Announcements announcements;

    EventAccess(Accounts accounts, Delegation delegation, Organizations organizations, Announcements announcements) {
        this.accounts = accounts;
        this.delegation = delegation;
        this.organizations = organizations;
        this.announcements = announcements;
    }

    boolean agent(AccountId person) {
        return accounts.isStaff(person) || accounts.isPlatformAdmin(person);
    }

    void requireAgent(AccountId person) {
        if (!agent(person)) {
            throw new AccessDeniedException("not an agent");
        }
    }

    boolean sees(AccountId person, EventView event) {
        return agent(person) || (!event.cancelled() && announcements.reaches(event.audience(), person));
    }

    /** An event a member may open: aimed at him, or one he is registered for (he keeps its page). */
    EventView visible(AccountId person, EventView event, boolean registered) {
        if (sees(person, event) || registered) {
            return event;
        }
        throw new NotFoundException();
    }

    /** The establishments he may register for: those of the organisations he belongs to, once each. */
    List<OrganizationView> establishmentsOf(AccountId person) {
        var found = new LinkedHashMap<Long, OrganizationView>();
        for (var organization : accounts.organizationsOf(person)) {
            organizations
                    .find(organization)
                    .flatMap(o -> organizations.find(o.establishmentId()))
                    .ifPresent(e -> found.putIfAbsent(e.id().value(), e));
        }
        return List.copyOf(found.values());
    }

    /** The establishment whose members' registrations he decides on: 404 unless he is its super admin. */
    OrganizationView approver(AccountId person, OrganizationId establishment) {
        var found = organizations
                .find(establishment)
                .filter(OrganizationView::establishment)
                .orElseThrow(NotFoundException::new);
        if (delegation.isSuperAdminOf(person, establishment) || accounts.isPlatformAdmin(person)) {
            return found;
        }
        if (delegation.sees(person, establishment)) {
            throw new AccessDeniedException("not a super admin of " + establishment.value());
        }
        throw new NotFoundException();
    }
}
