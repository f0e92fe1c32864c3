package fr.guichet.account;

import fr.guichet.account.events.AccountActivated;
import fr.guichet.account.events.AccountRegistered;
import fr.guichet.account.events.MembershipEnded;
import fr.guichet.account.events.MembershipRequested;
import fr.guichet.account.events.MembershipStarted;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.OrganizationView;
import fr.guichet.organization.Organizations;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account module's API for other modules: people and their memberships. Who may call what
 * is decided by the caller (the administration module checks the delegated rights first).
 */
@Service
public class Accounts {

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Organizations organizations;
    private final SessionsOfAccount sessions;
    private final Invitations invitations;
    private final MembershipNotices notices;
    private final PasswordLinks passwordLinks;
    private final ObjectProvider<MembershipDeciders> deciders;

    Accounts(
            AccountRepository accounts,
            PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events,
            Clock clock,
            Organizations organizations,
            SessionsOfAccount sessions,
            Invitations invitations,
            MembershipNotices notices,
            PasswordLinks passwordLinks,
            ObjectProvider<MembershipDeciders> deciders) {
        this.deciders = deciders;
        this.passwordLinks = passwordLinks;
        this.invitations = invitations;
        this.notices = notices;
        this.organizations = organizations;
        this.sessions = sessions;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.clock = clock;
    }

    /**
     * An account the platform itself vouches for (demo data, the first platform administrator):
     * active at once, its membership confirmed.
     */
    @Transactional
    public AccountId createVerified(
            String email,
            Civility civility,
            String lastName,
            String firstName,
            OrganizationId organization,
            boolean platformAdmin,
            String password) {
        var now = clock.instant();
        var account = Account.active(
                new EmailAddress(email),
                Coordinates.external(civility, lastName, firstName),
                passwordEncoder.encode(password),
                now);
        if (organization != null) {
            account.join(organization.value(), Membership.Status.CONFIRMED, now);
        } else {
            account.keepWithoutMembership();
        }
        if (platformAdmin) {
            account.makePlatformAdmin();
        }
        return accounts.save(account).id();
    }

    /**
     * An account an establishment's identity provider vouches for, created at the person's first
     * sign-in through it: active without a password, member of the establishment the provider's
     * answer named (confirmed when the provider vouches for the address's domain), or of none.
     */
    @Transactional
    public AccountId createVouchedFor(
            String email,
            Coordinates coordinates,
            Locale locale,
            OrganizationId establishment,
            boolean membershipConfirmed,
            String sourceAddress) {
        var now = clock.instant();
        var account = Account.vouchedFor(new EmailAddress(email), coordinates, locale, now);
        if (establishment == null) {
            account.keepWithoutMembership();
        } else {
            account.join(
                    establishment.value(),
                    membershipConfirmed ? Membership.Status.CONFIRMED : Membership.Status.DECLARED,
                    now);
        }
        account = accounts.saveAndFlush(account);
        events.publishEvent(new AccountRegistered(
                account.id(),
                email,
                establishment == null ? null : establishment.value(),
                membershipConfirmed,
                sourceAddress,
                now));
        events.publishEvent(new AccountActivated(account.id(), email, sourceAddress, now));
        return account.id();
    }

    /** Whether the person has a password to sign in with, besides the identities of his establishment. */
    @Transactional(readOnly = true)
    public boolean hasPassword(AccountId id) {
        return accounts.findById(id.value()).map(a -> a.passwordHash() != null).orElse(false);
    }

    @Transactional(readOnly = true)
    public boolean exists(String email) {
        return EmailAddress.isValid(email) && accounts.existsByEmail(new EmailAddress(email));
    }

    @Transactional(readOnly = true)
    public Optional<PersonView> find(AccountId id) {
        return accounts.findById(id.value()).map(Accounts::view);
    }

    /** These people, in one query (the ones that exist). */
    @Transactional(readOnly = true)
    public List<PersonView> find(Collection<AccountId> ids) {
        return ids.isEmpty()
                ? List.of()
                : accounts
                        .findAllById(
                                ids.stream().map(AccountId::value).distinct().toList())
                        .stream()
                        .map(Accounts::view)
                        .toList();
    }

    /**
     * Among these people, those who consented (and have not withdrawn it) to their professional details
     * being given to the participants of the agency's events they register for: read now, each time.
     */
    @Transactional(readOnly = true)
    public Set<AccountId> sharingWithParticipants(Collection<AccountId> ids) {
        return ids.isEmpty()
                ? Set.of()
                : accounts
                        .findAllById(
                                ids.stream().map(AccountId::value).distinct().toList())
                        .stream()
                        .filter(a -> a.consentVersion() != null)
                        .map(Account::id)
                        .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Transactional(readOnly = true)
    public Optional<PersonView> findByEmail(String email) {
        return EmailAddress.isValid(email)
                ? accounts.findByEmail(new EmailAddress(email)).map(Accounts::view)
                : Optional.empty();
    }

    @Transactional(readOnly = true)
    public List<PersonView> membersOf(OrganizationId organization) {
        return accounts.findMembersOf(organization.value()).stream()
                .map(Accounts::view)
                .toList();
    }

    /**
     * One page (from 0) of an organisation's members, sorted by name, optionally filtered by a
     * part of the name or e-mail address.
     */
    @Transactional(readOnly = true)
    public MemberPage memberPage(OrganizationId organization, String filter, int page, int size) {
        var pattern = filter == null || filter.isBlank()
                ? ""
                : "%" + escapeLike(filter.strip().toLowerCase(Locale.ROOT)) + "%";
        var result = accounts.findMemberPage(organization.value(), pattern, PageRequest.of(Math.max(page, 0), size));
        return new MemberPage(result.getContent(), result.getNumber(), size, result.getTotalElements());
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** People whose name or e-mail contains these words (a ticket's contact, searched by an agent), at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<AccountId> named(String words, int limit) {
        var pattern = "%" + escapeLike(words.strip().toLowerCase(Locale.ROOT)) + "%";
        return accounts.findIdsNamed(pattern, PageRequest.of(0, limit)).stream()
                .map(AccountId::new)
                .toList();
    }

    @Transactional(readOnly = true)
    public boolean isMemberOf(AccountId id, OrganizationId organization) {
        return accounts.findById(id.value())
                .map(a -> a.isMemberOf(organization.value()))
                .orElse(false);
    }

    @Transactional(readOnly = true)
    public long countMemberships(Collection<OrganizationId> organizations) {
        return organizations.isEmpty()
                ? 0
                : accounts.countMemberships(
                        organizations.stream().map(OrganizationId::value).toList());
    }

    @Transactional(readOnly = true)
    public boolean isPlatformAdmin(AccountId id) {
        // one column, not the account and its collections: this is on every permission check
        return accounts.findPlatformAdmin(id.value()).orElse(false);
    }

    /**
     * The agency's staff: its agents and platform admins, who handle tickets and the access requests
     * the agency decides. Read from the database on every call, so a right taken back counts at once.
     */
    @Transactional(readOnly = true)
    public boolean isStaff(AccountId id) {
        return accounts.findStaff(id.value()).orElse(false);
    }

    /** Pages of the agency's staff: anyone else is refused (403), whatever the page. */
    @Transactional(readOnly = true)
    public void requireStaff(SignedInPerson person) {
        if (person == null) {
            throw new AccessDeniedException("for the agency's staff");
        }
        requireStaff(person.accountId());
    }

    /** The same for a service acting on someone's behalf: anyone but the agency's staff is refused (403). */
    @Transactional(readOnly = true)
    public void requireStaff(AccountId id) {
        if (!isStaff(id)) {
            throw new AccessDeniedException("for the agency's staff");
        }
    }

    /** The language a person reads his e-mails in: the one he last used here. */
    @Transactional(readOnly = true)
    public Locale localeOf(AccountId id) {
        return accounts.findPreferredLocale(id.value())
                .map(Locale::forLanguageTag)
                .orElse(Locale.FRENCH);
    }

    /**
     * The active ones among these people, each with his address and language, in one query (a team
     * told of a new ticket is many people: one lookup each held ticket creation back).
     */
    @Transactional(readOnly = true)
    public List<Recipient> recipients(Collection<AccountId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var byId = new HashMap<Long, Recipient>();
        for (var row : accounts.findActiveRecipients(
                ids.stream().map(AccountId::value).distinct().toList())) {
            var language = (String) row[2];
            byId.put(
                    (Long) row[0],
                    new Recipient(
                            new AccountId((Long) row[0]),
                            (String) row[1],
                            language == null ? Locale.FRENCH : Locale.forLanguageTag(language)));
        }
        // in the order asked: the first one of a group is the one the message is addressed to
        return ids.stream()
                .distinct()
                .map(id -> byId.get(id.value()))
                .filter(Objects::nonNull)
                .toList();
    }

    /**
     * People whose last name is one of these words (any case, with or without accents), at most {@code limit}: the knowledge
     * base removes the names the database knows from what it publishes.
     */
    @Transactional(readOnly = true)
    public List<PersonView> withLastNameIn(Collection<String> words, int limit) {
        if (words.isEmpty()) {
            return List.of();
        }
        var folded = words.stream().map(Account::fold).distinct().limit(1000).toList();
        return accounts.findByLastNameIn(folded, PageRequest.of(0, limit)).stream()
                .map(Accounts::view)
                .toList();
    }

    /** Where the agency's platform admins are reached (active accounts only). */
    @Transactional(readOnly = true)
    public List<String> platformAdminEmails() {
        return accounts.findPlatformAdminEmails();
    }

    /** The agency's platform admins (active accounts only). */
    @Transactional(readOnly = true)
    public List<AccountId> platformAdmins() {
        return accounts.findPlatformAdminIds().stream().map(AccountId::new).toList();
    }

    /** Makes an existing person one of the agency's agents (installation, demo data, tests). */
    @Transactional
    public void makeAgent(AccountId id) {
        accounts.findById(id.value()).orElseThrow().makeAgent();
    }

    @Transactional(readOnly = true)
    public List<MembershipView> memberships(AccountId id) {
        return accounts.findById(id.value()).stream()
                .flatMap(a -> a.memberships().stream())
                .map(m -> new MembershipView(
                        new OrganizationId(m.organizationId()), m.status() == Membership.Status.CONFIRMED))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<OrganizationId> organizationsOf(AccountId id) {
        return accounts.findById(id.value()).stream()
                .flatMap(a -> a.memberships().stream())
                .map(m -> new OrganizationId(m.organizationId()))
                .toList();
    }

    /**
     * A new person in an organisation: his account waits for him to choose a password through
     * the invitation e-mail; no password chosen by someone else ever travels.
     */
    @Transactional
    public AccountId invite(
            NewPerson person, OrganizationId organization, String invitedBy, Locale locale, String sourceAddress) {
        var now = clock.instant();
        var coordinates = new Coordinates(
                person.civility(),
                person.lastName(),
                person.firstName(),
                person.landline(),
                person.mobile(),
                person.fax(),
                person.jobTitle(),
                null,
                null);
        var account = new Account(new EmailAddress(person.email()), coordinates, locale, now);
        account.changeAddress(person.address());
        account.join(organization.value(), Membership.Status.CONFIRMED, now);
        account = accounts.saveAndFlush(account);
        invitations.toActivate(account, invitedBy, locale);
        events.publishEvent(new MembershipStarted(
                account.id(), account.email().value(), organization.value(), true, sourceAddress, now));
        return account.id();
    }

    /**
     * Someone who already has an account is asked to join the organisation: he becomes its member
     * when he accepts the e-mailed invitation, never before. One never activated is still the
     * admins' to set up: he joins at once and gets a fresh link to choose his password, like a new
     * person. Either way the caller learns nothing of the account.
     */
    @Transactional
    public void inviteToJoin(
            AccountId id, OrganizationId organization, AccountId invitedBy, String inviterName, String sourceAddress) {
        var account = accounts.findById(id.value()).orElseThrow();
        if (account.isPending()) {
            var now = clock.instant();
            if (!account.isMemberOf(organization.value())) {
                account.join(organization.value(), Membership.Status.CONFIRMED, now);
                events.publishEvent(new MembershipStarted(
                        id, account.email().value(), organization.value(), true, sourceAddress, now));
            }
            invitations.toActivate(account, inviterName, account.locale());
            return;
        }
        invitations.toJoin(account, organizations.find(organization).orElseThrow(), invitedBy, inviterName);
    }

    /** An existing person joins one more organisation: one login, several memberships (the platform's own setting-up, tests). */
    @Transactional
    public void join(AccountId id, OrganizationId organization, String sourceAddress) {
        var account = accounts.findById(id.value()).orElseThrow();
        if (account.isMemberOf(organization.value())) {
            return;
        }
        var now = clock.instant();
        account.join(organization.value(), Membership.Status.CONFIRMED, now);
        events.publishEvent(
                new MembershipStarted(id, account.email().value(), organization.value(), false, sourceAddress, now));
    }

    /**
     * Seed 002's "comptes associés": a person asks, from his account, to be associated with one more
     * establishment. The membership is only declared: it waits for the administrators who decide the
     * establishment's declared memberships, who are e-mailed, exactly as one declared at registration.
     *
     * @throws MembershipRefusal no such establishment, already a member, or already asked
     */
    @Transactional
    public void askToJoin(AccountId id, OrganizationId organization, String sourceAddress) {
        var establishment = organizations
                .find(organization)
                .filter(OrganizationView::establishment)
                .orElseThrow(() -> new MembershipRefusal("associations.not-joinable"));
        var account = accounts.findById(id.value()).orElseThrow();
        var existing = account.memberships().stream()
                .filter(m -> m.organizationId() == organization.value())
                .findFirst();
        if (existing.isPresent()) {
            throw new MembershipRefusal(
                    existing.get().awaitsConfirmation() ? "associations.already-asked" : "associations.already-member",
                    establishment.label());
        }
        var now = clock.instant();
        account.join(organization.value(), Membership.Status.DECLARED, now);
        try {
            accounts.saveAndFlush(account);
        } catch (DataIntegrityViolationException simultaneous) {
            // the same request sent twice at once (two tabs): the other one stands
            throw new MembershipRefusal("associations.already-asked", establishment.label());
        }
        var told = recipients(deciders.getIfAvailable(() -> o -> List.of()).of(organization));
        notices.requested(account, establishment, told);
        events.publishEvent(
                new MembershipRequested(id, account.email().value(), organization.value(), sourceAddress, now));
    }

    /**
     * Ends a membership; the last one's end disables the account and its sessions, unless the account
     * has a life of its own outside what admins gave it. What he held because of the membership ends
     * in this transaction, with those who keep it listening to {@link MembershipEnded}: whatever
     * removes someone, this is the one way out.
     */
    @Transactional
    public void leave(AccountId id, OrganizationId organization, AccountId endedBy, String sourceAddress) {
        var account = accounts.findById(id.value()).orElseThrow();
        if (!account.isMemberOf(organization.value())) {
            return;
        }
        var last = account.leave(organization.value());
        var disabled = last && !account.keptWithoutMembership();
        if (disabled) {
            account.disable(clock.instant());
            sessions.endAllBut(id, null);
        }
        var establishment = establishmentOf(organization);
        var stillThere = !last
                && establishment != null
                && inTree(
                        account.memberships().stream()
                                .map(m -> new OrganizationId(m.organizationId()))
                                .toList(),
                        establishment);
        events.publishEvent(new MembershipEnded(
                id,
                account.email().value(),
                organization.value(),
                establishment == null ? organization : establishment,
                !stillThere,
                disabled,
                endedBy,
                sourceAddress,
                clock.instant()));
    }

    @Transactional(readOnly = true)
    public Optional<AccountAuthentication> authentication(AccountId id) {
        return accounts.findById(id.value())
                .map(a -> new AccountAuthentication(
                        a.authentication(), a.certificate().orElse(null)));
    }

    /**
     * The person signs in with this certificate (PEM or DER) from now on, and with nothing else: his
     * password is forgotten and his sessions end, those it opened included. Who may decide it is the
     * caller's to check.
     *
     * @throws CertificateRefusal not a certificate, a private key in the file, expired, or another
     *     account's
     */
    @Transactional
    public RegisteredCertificate authenticateByCertificate(AccountId id, byte[] upload) {
        var certificate = RegisteredCertificate.of(ClientCertificates.read(upload));
        var holder = accounts.findByCertificateSha256(certificate.sha256());
        if (holder.isPresent() && !holder.get().id().equals(id)) {
            throw new CertificateRefusal(CertificateRefusal.Reason.TAKEN);
        }
        var account = accounts.findById(id.value()).orElseThrow();
        account.authenticateByCertificate(certificate, clock.instant());
        // two admins registering one certificate on two accounts at once: the unique constraint stops the second here
        try {
            accounts.flush();
        } catch (org.springframework.dao.DataIntegrityViolationException raced) {
            throw new CertificateRefusal(CertificateRefusal.Reason.TAKEN);
        }
        sessions.endAllBut(id, null);
        return certificate;
    }

    /**
     * Back to the password: the certificate no longer opens the account, its sessions end, and the
     * person is e-mailed a link to choose a password. False (and nothing sent) when he used one already.
     */
    @Transactional
    public boolean authenticateByPassword(AccountId id) {
        var account = accounts.findById(id.value()).orElseThrow();
        if (!account.authenticateByPassword()) {
            return false;
        }
        sessions.endAllBut(id, null);
        if (account.isActive()) {
            passwordLinks.toChoosePassword(account);
        }
        return true;
    }

    /** The memberships of the organisation that wait for a super admin's decision, oldest first. */
    @Transactional(readOnly = true)
    public List<DeclaredMembership> declaredMemberships(OrganizationId organization) {
        return accounts.findDeclared(organization.value()).stream()
                .map(m -> new DeclaredMembership(m.id(), view(m.account()), m.createdAt()))
                .toList();
    }

    /**
     * A super admin vouches for a declared membership; the person is told. Empty when it no longer
     * waits (decided by someone else, ended, or not this organisation's): nothing changes then. The
     * caller checks who may decide.
     */
    @Transactional
    public Optional<PersonView> confirmMembership(MembershipId id, OrganizationId organization) {
        var account = accounts.findByMembershipId(id.value()).orElse(null);
        var membership = account == null
                ? null
                : account.awaitingConfirmation(id, organization.value()).orElse(null);
        if (membership == null) {
            return Optional.empty();
        }
        membership.confirm();
        // a second decider's write fails here, inside his transaction, and his e-mail with it
        accounts.flush();
        notices.confirmed(account, organizations.find(organization).orElseThrow());
        return Optional.of(view(account));
    }

    /**
     * A super admin refuses a declared membership: it ends, through {@link #leave} like any removal,
     * and the person is told why. He registered himself, so his account stays open without it (as an
     * external requester's) rather than being disabled as one an admin created would be.
     */
    @Transactional
    public Optional<PersonView> refuseMembership(
            MembershipId id, OrganizationId organization, String reason, AccountId refusedBy, String sourceAddress) {
        var account = accounts.findByMembershipId(id.value()).orElse(null);
        if (account == null
                || account.awaitingConfirmation(id, organization.value()).isEmpty()) {
            return Optional.empty();
        }
        if (account.memberships().size() == 1) {
            account.keepWithoutMembership();
        }
        var person = view(account);
        notices.refused(account, organizations.find(organization).orElseThrow(), reason);
        leave(account.id(), organization, refusedBy, sourceAddress);
        accounts.flush();
        return Optional.of(person);
    }

    /** Whether the person belongs to the establishment's tree (the establishment or one of its sub-organisations). */
    @Transactional(readOnly = true)
    public boolean belongsTo(AccountId id, OrganizationId establishment) {
        return inTree(organizationsOf(id), establishment);
    }

    /** The same, leaving one organisation aside: would he still belong once he left it? */
    @Transactional(readOnly = true)
    public boolean belongsTo(AccountId id, OrganizationId establishment, OrganizationId leaving) {
        return inTree(
                organizationsOf(id).stream().filter(o -> !o.equals(leaving)).toList(), establishment);
    }

    private boolean inTree(List<OrganizationId> memberships, OrganizationId establishment) {
        return !memberships.isEmpty()
                && organizations.findAll(memberships).stream()
                        .anyMatch(o -> o.establishmentId().equals(establishment));
    }

    private OrganizationId establishmentOf(OrganizationId organization) {
        return organizations
                .find(organization)
                .map(OrganizationView::establishmentId)
                .orElse(null);
    }

    private static PersonView view(Account account) {
        var c = account.coordinates();
        return new PersonView(
                account.id(),
                account.email().value(),
                c.civility(),
                c.lastName(),
                c.firstName(),
                c.jobTitle(),
                c.landline() != null ? c.landline() : c.mobile(),
                account.isActive());
    }
}
