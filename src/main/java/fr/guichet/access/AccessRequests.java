package fr.guichet.access;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.MembershipView;
import fr.guichet.account.PersonView;
import fr.guichet.administration.Delegation;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.OrganizationView;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asking for a service and deciding. Where the super admins decide, nobody else can:
 * "l'Amue ne peut en aucun cas agir sur ces validations". Every refusal of the rules is an
 * {@link AccessRuleRefusal} with its message; whoever may not see a request gets a 404.
 */
@Component
class AccessRequests {

    /** What became of a request, for the notice the requester sees. */
    enum Asked {
        SENT_TO_SUPER_ADMINS,
        WAITING_FOR_SUPER_ADMIN,
        SENT_TO_AGENCY,
        GRANTED
    }

    private final AccessRequestRepository requests;
    private final ServiceRepository services;
    private final EstablishmentCatalogue establishments;
    private final Accounts accounts;
    private final Organizations organizations;
    private final Delegation delegation;
    private final AccessMails mails;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccessRequests(
            AccessRequestRepository requests,
            ServiceRepository services,
            EstablishmentCatalogue establishments,
            Accounts accounts,
            Organizations organizations,
            Delegation delegation,
            AccessMails mails,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Clock clock) {
        this.requests = requests;
        this.services = services;
        this.establishments = establishments;
        this.accounts = accounts;
        this.organizations = organizations;
        this.delegation = delegation;
        this.mails = mails;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The person asks, as a member of the establishment of the organisation he acts for (his
     * first membership when he has not chosen).
     */
    @Transactional
    Asked ask(
            AccountId person,
            ServiceId serviceId,
            Optional<OrganizationId> acting,
            Locale locale,
            String sourceAddress) {
        var service =
                services.findById(serviceId.value()).filter(Service::active).orElseThrow(NotFoundException::new);
        var requester = accounts.find(person).orElseThrow(NotFoundException::new);
        var membership = membershipFor(person, acting);
        var establishment = membership.map(m -> m.establishment().id());
        if (establishment.isPresent()
                && establishments.hidden(establishment.get()).contains(serviceId)) {
            throw new NotFoundException();
        }
        refuseIfOpen(person, serviceId);
        var decidedBy = service.decidedBy();
        if (establishment.isEmpty() && decidedBy != DecidedBy.AGENCY) {
            throw new AccessRuleRefusal("access.members-only");
        }
        var confirmed = membership.map(Member::confirmed).orElse(false);
        var now = clock.instant();
        var request = new AccessRequest(
                serviceId, person, establishment.map(OrganizationId::value).orElse(null), now);
        if (decidedBy == DecidedBy.NOBODY && confirmed) {
            request.grantAtOnce(now);
        }
        request = save(request);
        var target = target(requester, service);
        events.publishEvent(
                new AccessRequested(person, request.id(), request.establishmentId(), target, sourceAddress, now));
        if (request.status() == AccessStatus.ACCEPTED) {
            events.publishEvent(
                    new AccessAccepted(person, request.id(), request.establishmentId(), target, sourceAddress, now));
            return Asked.GRANTED;
        }
        if (decidedBy == DecidedBy.AGENCY) {
            mails.requested(staffDeciders(), requester, service.view(), "/agence/demandes-acces", locale);
            return Asked.SENT_TO_AGENCY;
        }
        var superAdmins = delegation.superAdminsOf(establishment.get());
        if (mails.requested(
                superAdmins,
                requester,
                service.view(),
                "/organisations/" + establishment.get().value() + "/demandes-acces",
                locale)) {
            return Asked.SENT_TO_SUPER_ADMINS;
        }
        alertAgencyOnce(membership.get().establishment(), locale);
        return Asked.WAITING_FOR_SUPER_ADMIN;
    }

    /** The first decision wins; a later one (or a simultaneous one, by its version) is refused. */
    @Transactional
    AccessRequestView decide(
            AccountId decider,
            AccessRequestId id,
            boolean accept,
            String comment,
            Locale locale,
            String sourceAddress) {
        var request = requests.findById(id.value()).orElseThrow(NotFoundException::new);
        var service = services.findById(request.serviceId().value()).orElseThrow();
        if (!mayDecide(decider, request, service)) {
            throw new NotFoundException();
        }
        var deciders = deciders(request, service);
        if (comment != null && comment.strip().length() > 1000) {
            throw new AccessRuleRefusal("access.comment.too-long", 1000);
        }
        var now = clock.instant();
        if (accept) {
            request.accept(decider, comment, now);
        } else {
            request.refuse(decider, comment, now);
        }
        requests.saveAndFlush(request);
        var requester = accounts.find(request.accountId()).orElseThrow();
        mails.decided(
                requester, deciders, service.view(), accept, request.view().comment(), locale);
        var target = target(requester, service);
        events.publishEvent(
                accept
                        ? new AccessAccepted(decider, id, request.establishmentId(), target, sourceAddress, now)
                        : new AccessRefused(decider, id, request.establishmentId(), target, sourceAddress, now));
        return request.view();
    }

    /** A grant withdrawn by one who could have decided it; the person is told. */
    @Transactional
    void revoke(AccountId actor, AccessRequestId id, Locale locale, String sourceAddress) {
        var request = requests.findById(id.value()).orElseThrow(NotFoundException::new);
        var service = services.findById(request.serviceId().value()).orElseThrow();
        if (!mayDecide(actor, request, service)) {
            throw new NotFoundException();
        }
        if (request.status() != AccessStatus.ACCEPTED) {
            throw new AccessRuleRefusal("access.revoke.not-active");
        }
        var now = clock.instant();
        request.revoke(actor, now);
        requests.saveAndFlush(request);
        var person = accounts.find(request.accountId()).orElseThrow();
        mails.revoked(person, service.view(), locale);
        events.publishEvent(
                new AccessRevoked(actor, id, request.establishmentId(), target(person, service), sourceAddress, now));
    }

    /**
     * The access review: several grants of one establishment confirmed or revoked at once, all or
     * nothing (one that is not an active grant of this establishment refuses the whole).
     */
    @Transactional
    void review(
            AccountId superAdmin,
            OrganizationId establishment,
            Collection<AccessRequestId> ids,
            boolean confirm,
            Locale locale,
            String sourceAddress) {
        requireSuperAdmin(superAdmin, establishment);
        if (ids.isEmpty()) {
            throw new AccessRuleRefusal("access.review.none");
        }
        var now = clock.instant();
        for (var id : ids) {
            var request = requests.findById(id.value())
                    .filter(r -> Long.valueOf(establishment.value()).equals(r.establishmentId()))
                    .filter(r -> r.status() == AccessStatus.ACCEPTED)
                    .orElseThrow(() -> new AccessRuleRefusal("access.review.not-active"));
            var service = services.findById(request.serviceId().value()).orElseThrow();
            var person = accounts.find(request.accountId()).orElseThrow();
            if (confirm) {
                request.confirmInReview(superAdmin, now);
                events.publishEvent(new AccessConfirmed(
                        superAdmin, id, establishment.value(), target(person, service), sourceAddress, now));
            } else {
                if (service.decidedBy() == DecidedBy.AGENCY) {
                    throw new AccessRuleRefusal("access.review.agency-decided");
                }
                request.revoke(superAdmin, now);
                mails.revoked(person, service.view(), locale);
                events.publishEvent(new AccessRevoked(
                        superAdmin, id, establishment.value(), target(person, service), sourceAddress, now));
            }
        }
    }

    /** Leaving the establishment ends its pending requests and grants. */
    @Transactional
    void endAllIn(AccountId person, OrganizationId establishment) {
        var now = clock.instant();
        var email = accounts.find(person).map(PersonView::email).orElse("?");
        for (var request : requests.findByAccountIdAndStatusIn(
                person.value(), List.of(AccessStatus.PENDING, AccessStatus.ACCEPTED))) {
            if (!Long.valueOf(establishment.value()).equals(request.establishmentId())) {
                continue;
            }
            var service = services.findById(request.serviceId().value()).orElseThrow();
            if (request.status() == AccessStatus.PENDING) {
                request.cancel(now);
            } else {
                request.revoke(null, now);
                events.publishEvent(new AccessRevoked(
                        null, request.id(), establishment.value(), email + " → " + service.code(), null, now));
            }
        }
    }

    /** A super admin was named: a later lapse will alert the agency again. */
    @Transactional
    void superAdminNamed(OrganizationId establishment) {
        jdbc.sql("delete from access_alert where establishment_id = ?")
                .param(establishment.value())
                .update();
    }

    @Transactional
    void recordUse(ServiceId service, AccountId person) {
        requests.recordUse(service.value(), person.value(), clock.instant());
    }

    @Transactional(readOnly = true)
    boolean holdsGrant(AccountId person, ServiceId service) {
        return requests.existsByServiceIdAndAccountIdAndStatus(service.value(), person.value(), AccessStatus.ACCEPTED);
    }

    @Transactional(readOnly = true)
    List<AccountId> grantHolders(ServiceId service) {
        return requests.findGrantHolders(service.value()).stream()
                .map(AccountId::new)
                .toList();
    }

    @Transactional(readOnly = true)
    List<AccessRequestView> mine(AccountId person) {
        return requests.findByAccountIdOrderByRequestedAtDescIdDesc(person.value()).stream()
                .map(AccessRequest::view)
                .toList();
    }

    @Transactional(readOnly = true)
    List<AccessRequestView> pendingOf(AccountId superAdmin, OrganizationId establishment) {
        requireSuperAdmin(superAdmin, establishment);
        return requests
                .findByEstablishmentIdAndStatusOrderByRequestedAtAscIdAsc(establishment.value(), AccessStatus.PENDING)
                .stream()
                .filter(r -> services.findById(r.serviceId().value())
                        .map(s -> s.decidedBy() != DecidedBy.AGENCY)
                        .orElse(false))
                .map(AccessRequest::view)
                .toList();
    }

    @Transactional(readOnly = true)
    List<AccessRequestView> grantsOf(AccountId superAdmin, OrganizationId establishment) {
        requireSuperAdmin(superAdmin, establishment);
        return requests
                .findByEstablishmentIdAndStatusOrderByRequestedAtAscIdAsc(establishment.value(), AccessStatus.ACCEPTED)
                .stream()
                .map(AccessRequest::view)
                .toList();
    }

    @Transactional(readOnly = true)
    List<AccessRequestView> agencyQueue(AccountId staff) {
        requireStaff(staff);
        return requests.findPendingForAgency().stream().map(AccessRequest::view).toList();
    }

    /** Confirmed, or only declared at registration: super admins see which when they decide. */
    @Transactional(readOnly = true)
    boolean confirmedMember(AccountId person, OrganizationId establishment) {
        return members(person).stream().anyMatch(m -> m.establishment().id().equals(establishment) && m.confirmed());
    }

    void requireStaff(AccountId person) {
        if (!accounts.isStaff(person)) {
            throw new AccessDeniedException("the agency's queue is for its staff");
        }
    }

    void requireSuperAdmin(AccountId person, OrganizationId establishment) {
        if (!delegation.isSuperAdminOf(person, establishment)) {
            throw new NotFoundException();
        }
    }

    private boolean mayDecide(AccountId person, AccessRequest request, Service service) {
        if (service.decidedBy() == DecidedBy.AGENCY) {
            return accounts.isStaff(person);
        }
        return request.establishmentId() != null
                && delegation.isSuperAdminOf(person, new OrganizationId(request.establishmentId()));
    }

    /** Who is told of a request and copied on its decision. */
    private List<AccountId> deciders(AccessRequest request, Service service) {
        if (service.decidedBy() == DecidedBy.AGENCY) {
            return staffDeciders();
        }
        if (request.establishmentId() == null) {
            return List.of();
        }
        return delegation.superAdminsOf(new OrganizationId(request.establishmentId()));
    }

    /** The agency's staff who decide: its platform admins (agents join them with the helpdesk's queues). */
    private List<AccountId> staffDeciders() {
        return accounts.platformAdmins();
    }

    private void refuseIfOpen(AccountId person, ServiceId service) {
        for (var request : requests.findByAccountIdAndStatusIn(
                person.value(), List.of(AccessStatus.PENDING, AccessStatus.ACCEPTED))) {
            if (request.serviceId().equals(service)) {
                throw new AccessRuleRefusal(
                        request.status() == AccessStatus.PENDING ? "access.already-pending" : "access.already-granted");
            }
        }
    }

    private AccessRequest save(AccessRequest request) {
        try {
            return requests.saveAndFlush(request);
        } catch (DataIntegrityViolationException simultaneous) {
            // the same person asked twice at the same moment (two tabs): the other one stands
            throw new AccessRuleRefusal("access.already-pending");
        }
    }

    private void alertAgencyOnce(OrganizationView establishment, Locale locale) {
        var first = jdbc.sql("select count(*) from access_alert where establishment_id = ?")
                        .param(establishment.id().value())
                        .query(Long.class)
                        .single()
                == 0;
        if (first) {
            jdbc.sql("insert into access_alert (establishment_id, alerted_at) values (?, ?)")
                    .params(establishment.id().value(), Timestamp.from(clock.instant()))
                    .update();
            mails.noSuperAdmin(accounts.platformAdminEmails(), establishment.label(), locale);
        }
    }

    record Member(OrganizationView establishment, boolean confirmed) {}

    /** The person's memberships, each seen as its establishment. */
    List<Member> members(AccountId person) {
        var memberships = accounts.memberships(person);
        var views = organizations.findAll(
                memberships.stream().map(MembershipView::organization).toList());
        return memberships.stream()
                .flatMap(m -> views.stream()
                        .filter(v -> v.id().equals(m.organization()))
                        .findFirst()
                        .flatMap(v -> organizations.find(v.establishmentId()))
                        .map(e -> new Member(e, m.confirmed()))
                        .stream())
                .toList();
    }

    Optional<Member> membershipFor(AccountId person, Optional<OrganizationId> acting) {
        var all = members(person);
        if (acting.isPresent()) {
            var view = organizations.find(acting.get());
            if (view.isPresent()) {
                var establishment = view.get().establishmentId();
                var inIt = all.stream()
                        .filter(m -> m.establishment().id().equals(establishment))
                        .toList();
                if (!inIt.isEmpty()) {
                    return Optional.of(
                            inIt.stream().filter(Member::confirmed).findFirst().orElse(inIt.get(0)));
                }
            }
        }
        return all.stream().findFirst();
    }

    private static String target(PersonView person, Service service) {
        return person.email() + " → " + service.code();
    }
}
