package fr.guichet.account;

import fr.guichet.account.events.MembershipLeft;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.OrganizationView;
import fr.guichet.organization.Organizations;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seed 002's "Mes comptes associés": a person's own view of his memberships, the principal one and
 * the secondary ones, the choice of his principal, and leaving one of them. Asking for one more is
 * {@link Accounts#askToJoin}; every end goes through {@link Accounts#leave}.
 */
@Service
public class Associations {

    private final AccountRepository accounts;
    private final Accounts people;
    private final Organizations organizations;
    private final ObjectProvider<MembershipHoldings> holdings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Associations(
            AccountRepository accounts,
            Accounts people,
            Organizations organizations,
            ObjectProvider<MembershipHoldings> holdings,
            ApplicationEventPublisher events,
            Clock clock) {
        this.accounts = accounts;
        this.people = people;
        this.organizations = organizations;
        this.holdings = holdings;
        this.events = events;
        this.clock = clock;
    }

    /** His memberships, the principal first, then the others from the oldest. */
    @Transactional(readOnly = true)
    public List<AssociatedMembership> of(AccountId person) {
        var account = accounts.findById(person.value()).orElseThrow();
        var principal = account.principal().orElse(null);
        return account.memberships().stream()
                .map(m -> new AssociatedMembership(
                        m.id(),
                        new OrganizationId(m.organizationId()),
                        m.status() == Membership.Status.CONFIRMED,
                        m == principal,
                        m.createdAt()))
                .sorted(Comparator.comparing((AssociatedMembership m) -> !m.principal()))
                .toList();
    }

    /**
     * The organisations he may act for, his principal first: the one he acts for when he has chosen
     * none in this session.
     */
    @Transactional(readOnly = true)
    public List<OrganizationId> actable(AccountId person) {
        return accounts.findById(person.value()).stream()
                .flatMap(account -> {
                    var principal = account.principal().orElse(null);
                    return account.actable().stream().sorted(Comparator.comparing((Membership m) -> m != principal));
                })
                .map(m -> new OrganizationId(m.organizationId()))
                .toList();
    }

    /** False when it is not one of his confirmed memberships: nothing changes then. */
    @Transactional
    public boolean makePrincipal(AccountId person, MembershipId membership) {
        return accounts.findById(person.value()).orElseThrow().makePrincipal(membership);
    }

    /** What leaving this membership of his would mean; empty when it is not his. */
    @Transactional(readOnly = true)
    public Optional<Departure> departure(AccountId person, MembershipId id) {
        var account = accounts.findById(person.value()).orElseThrow();
        return account.membership(id).map(membership -> {
            var organization = new OrganizationId(membership.organizationId());
            var last = account.memberships().size() == 1;
            var lastConfirmed = membership.status() == Membership.Status.CONFIRMED
                    && account.memberships().stream()
                            .noneMatch(m -> m != membership && m.status() == Membership.Status.CONFIRMED);
            // the rule of Accounts.leave: the last one's end disables an account that lives by its memberships;
            // and leaving his last confirmed one would leave him acting for an entity that never said yes
            var refusal = last && !account.keptWithoutMembership()
                    ? "associations.leave.last"
                    : !last && lastConfirmed ? "associations.leave.last-confirmed" : null;
            var establishment = organizations
                    .find(organization)
                    .map(OrganizationView::establishmentId)
                    .orElse(organization);
            var leavesEstablishment = !people.belongsTo(person, establishment, organization);
            var held = membership.awaitsConfirmation()
                    ? List.<MembershipHoldings.Holding>of()
                    : holdings.orderedStream()
                            .flatMap(h ->
                                    h.heldThrough(person, organization, establishment, leavesEstablishment).stream())
                            .toList();
            return new Departure(id, organization, membership.awaitsConfirmation(), refusal, last, held);
        });
    }

    /**
     * He leaves one of his memberships, or withdraws his request, himself: through {@link Accounts#leave},
     * so that what he held because of it ends with it. Empty when it is not his.
     *
     * @throws MembershipRefusal his last membership, whose end would disable his account
     */
    @Transactional
    public Optional<OrganizationId> leave(AccountId person, MembershipId id, String sourceAddress) {
        var departure = departure(person, id).orElse(null);
        if (departure == null) {
            return Optional.empty();
        }
        if (!departure.allowed()) {
            throw new MembershipRefusal(departure.refusal());
        }
        var account = accounts.findById(person.value()).orElseThrow();
        events.publishEvent(new MembershipLeft(
                person,
                account.email().value(),
                departure.organization().value(),
                departure.withdrawal(),
                sourceAddress,
                clock.instant()));
        people.leave(person, departure.organization(), person, sourceAddress);
        return Optional.of(departure.organization());
    }
}
