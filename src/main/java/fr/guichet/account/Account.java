package fr.guichet.account;

import fr.guichet.shared.Accents;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** One person, one account: the sign-in e-mail is personal and unique across the platform. */
@Entity
@Table(name = "account")
public class Account {

    enum Status {
        PENDING,
        ACTIVE,
        DISABLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String email;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "password_hash")
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private AuthenticationMethod authentication = AuthenticationMethod.PASSWORD;

    /** Set exactly when the person signs in by certificate (a constraint of the table says so too). */
    @Embedded
    private RegisteredCertificate certificate;

    @Enumerated(EnumType.STRING)
    private Civility civility;

    @Column(name = "last_name")
    private String lastName;

    /** The last name without case or accents: found however it is typed ("Lefevre", "LEFÈVRE"). */
    @Column(name = "last_name_folded")
    private String lastNameFolded;

    @Column(name = "first_name")
    private String firstName;

    private String landline;
    private String mobile;
    private String fax;

    @Column(name = "job_title")
    private String jobTitle;

    @Column(name = "professional_domain")
    private String professionalDomain;

    @Column(name = "place_of_attachment")
    private String placeOfAttachment;

    private String address;

    @Column(name = "address_complement")
    private String addressComplement;

    @Column(name = "postal_code")
    private String postalCode;

    private String city;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_interest_domain", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "domain")
    @Enumerated(EnumType.STRING)
    private Set<InterestDomain> interestDomains = EnumSet.noneOf(InterestDomain.class);

    private boolean newsletter;

    @Column(name = "consent_version")
    private String consentVersion;

    @Column(name = "consent_at")
    private Instant consentAt;

    @Column(name = "preferred_locale")
    private String preferredLocale;

    @Column(name = "platform_admin")
    private boolean platformAdmin;

    private boolean agent;

    /**
     * A life of its own outside the memberships admins gave it (registered without an establishment,
     * or joined one by accepting an invitation): the end of its last membership does not disable it.
     */
    @Column(name = "kept_without_membership")
    private boolean keptWithoutMembership;

    /** The membership he chose as his principal; null: his oldest confirmed one (see {@link #principal()}). */
    @Column(name = "principal_membership_id")
    private Long principalMembershipId;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "activated_at")
    private Instant activatedAt;

    @Column(name = "last_sign_in_at")
    private Instant lastSignInAt;

    /** Since when it is disabled: its personal data are anonymised once the retention period has passed. */
    @Column(name = "disabled_at")
    private Instant disabledAt;

    @Column(name = "anonymised_at")
    private Instant anonymisedAt;

    @OneToMany(mappedBy = "account", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("createdAt")
    private List<Membership> memberships = new ArrayList<>();

    @Version
    private long version;

    protected Account() {}

    public Account(EmailAddress email, Coordinates coordinates, Locale locale, Instant now) {
        this.email = email.value();
        this.status = Status.PENDING;
        this.preferredLocale = locale.getLanguage();
        this.createdAt = now;
        changeCoordinates(coordinates);
    }

    public void activate(String passwordHash, Instant now) {
        if (status != Status.PENDING) {
            throw new IllegalStateException("account " + id + " is " + status);
        }
        this.passwordHash = passwordHash;
        this.status = Status.ACTIVE;
        this.activatedAt = now;
    }

    /** An account created by the platform itself (demo data, first administrator): already verified. */
    static Account active(EmailAddress email, Coordinates coordinates, String passwordHash, Instant now) {
        var account = new Account(email, coordinates, Locale.FRENCH, now);
        account.activate(passwordHash, now);
        return account;
    }

    /**
     * An account an identity provider vouches for: active at once and without a password, since the
     * person signs in through the provider (he may choose one later with the forgotten-password link).
     */
    static Account vouchedFor(EmailAddress email, Coordinates coordinates, Locale locale, Instant now) {
        var account = new Account(email, coordinates, locale, now);
        account.activate(null, now);
        return account;
    }

    public void changePassword(String passwordHash) {
        if (status != Status.ACTIVE) {
            throw new IllegalStateException("account " + id + " is " + status);
        }
        if (authentication != AuthenticationMethod.PASSWORD) {
            throw new IllegalStateException("account " + id + " signs in by " + authentication);
        }
        this.passwordHash = passwordHash;
    }

    /**
     * From now on the person signs in with this certificate only. His password is forgotten rather
     * than set aside: one he no longer uses would stay a way in for whoever learnt it, and back to
     * passwords he chooses a new one. An account whose holder never chose a password is opened: the
     * admin vouches for the person through his certificate, as seed 004's admin creates a user "par
     * certificat" without any password.
     *
     * @throws CertificateRefusal EXPIRED: nobody could sign in with it
     */
    public void authenticateByCertificate(RegisteredCertificate certificate, Instant now) {
        if (status == Status.DISABLED) {
            throw new IllegalStateException("account " + id + " is " + status);
        }
        if (certificate.expiredAt(now)) {
            throw new CertificateRefusal(CertificateRefusal.Reason.EXPIRED);
        }
        this.authentication = AuthenticationMethod.CERTIFICATE;
        this.certificate = certificate;
        this.passwordHash = null;
        if (status == Status.PENDING) {
            this.status = Status.ACTIVE;
            this.activatedAt = now;
        }
    }

    /**
     * Back to the password: the certificate no longer opens the account, and until the person
     * chooses a password nothing does. False when he signed in by password already.
     */
    public boolean authenticateByPassword() {
        if (authentication == AuthenticationMethod.PASSWORD) {
            return false;
        }
        this.authentication = AuthenticationMethod.PASSWORD;
        this.certificate = null;
        return true;
    }

    /** Whether this certificate (its SHA-256) signs the person in now, and if not, why. */
    public CertificateCheck check(String sha256, Instant now) {
        if (authentication != AuthenticationMethod.CERTIFICATE
                || certificate == null
                || !certificate.sha256().equals(sha256)) {
            return CertificateCheck.NOT_REGISTERED;
        }
        if (status != Status.ACTIVE) {
            return CertificateCheck.ACCOUNT_INACTIVE;
        }
        if (certificate.expiredAt(now)) {
            return CertificateCheck.EXPIRED;
        }
        if (!certificate.validAt(now)) {
            return CertificateCheck.NOT_YET_VALID;
        }
        return CertificateCheck.ACCEPTED;
    }

    public AuthenticationMethod authentication() {
        return authentication;
    }

    public boolean usesPassword() {
        return authentication == AuthenticationMethod.PASSWORD;
    }

    public Optional<RegisteredCertificate> certificate() {
        return Optional.ofNullable(certificate);
    }

    static String fold(String name) {
        return name == null ? null : Accents.removed(name).toLowerCase(Locale.ROOT);
    }

    public void changeEmail(EmailAddress newEmail) {
        this.email = newEmail.value();
    }

    public void changeCoordinates(Coordinates c) {
        this.civility = c.civility();
        this.lastName = c.lastName();
        this.lastNameFolded = fold(c.lastName());
        this.firstName = c.firstName();
        this.landline = c.landline();
        this.mobile = c.mobile();
        this.fax = c.fax();
        this.jobTitle = c.jobTitle();
        this.professionalDomain = c.professionalDomain();
        this.placeOfAttachment = c.placeOfAttachment();
    }

    void changeAddress(PostalAddress postal) {
        this.address = postal.address();
        this.addressComplement = postal.complement();
        this.postalCode = postal.postalCode();
        this.city = postal.city();
    }

    PostalAddress postalAddress() {
        return new PostalAddress(address, addressComplement, postalCode, city);
    }

    /** Ends the membership; true when it was the person's last one. */
    boolean leave(long organizationId) {
        // his principal gone, the oldest confirmed one that remains is the principal again
        memberships.stream()
                .filter(m -> m.organizationId() == organizationId && m.hasId(principalMembershipId))
                .findFirst()
                .ifPresent(m -> principalMembershipId = null);
        memberships.removeIf(m -> m.organizationId() == organizationId);
        return memberships.isEmpty();
    }

    /**
     * Seed 002's principal account: the membership he chose, or his oldest confirmed one; before any
     * is confirmed, the one he registered with (the oldest), so that a new member acts for it as before.
     */
    Optional<Membership> principal() {
        var confirmed = memberships.stream()
                .filter(m -> m.status() == Membership.Status.CONFIRMED)
                .toList();
        return confirmed.stream()
                .filter(m -> m.hasId(principalMembershipId))
                .findFirst()
                .or(() -> confirmed.stream().findFirst())
                .or(() -> memberships.stream().findFirst());
    }

    /**
     * Whom he may act for: his confirmed memberships. One he only asked for is not among them until an
     * administrator confirms it, since acting for an organisation is what connected services are told;
     * before any is confirmed, the one he registered with (his principal), as before.
     */
    List<Membership> actable() {
        var principal = principal();
        return memberships.stream()
                .filter(m -> m.status() == Membership.Status.CONFIRMED
                        || principal.map(p -> p == m).orElse(false))
                .toList();
    }

    /** False when it is not one of his confirmed memberships: only one he was confirmed in can be his principal. */
    boolean makePrincipal(MembershipId id) {
        var chosen = memberships.stream()
                .filter(m -> m.hasId(id.value()) && m.status() == Membership.Status.CONFIRMED)
                .findFirst();
        chosen.ifPresent(m -> principalMembershipId = id.value());
        return chosen.isPresent();
    }

    Optional<Membership> membership(MembershipId id) {
        return memberships.stream().filter(m -> m.hasId(id.value())).findFirst();
    }

    /**
     * The declared membership a super admin decides on: this one, of this organisation, still
     * declared, of an account whose holder proved his address. Anything else (decided already,
     * ended, another organisation's) is no longer his to decide.
     */
    Optional<Membership> awaitingConfirmation(MembershipId id, long organizationId) {
        return isActive()
                ? memberships.stream()
                        .filter(m -> m.id().equals(id) && m.organizationId() == organizationId)
                        .filter(Membership::awaitsConfirmation)
                        .findFirst()
                : Optional.empty();
    }

    public boolean isMemberOf(long organizationId) {
        return memberships.stream().anyMatch(m -> m.organizationId() == organizationId);
    }

    /** No sign-in any more; the personal data is anonymised after the retention period. */
    void disable(Instant now) {
        if (status != Status.DISABLED) {
            this.disabledAt = now;
        }
        this.status = Status.DISABLED;
    }

    /**
     * Nothing personal remains: the row stays, so that tickets, registrations and the audit trail
     * still point at an account, shown as "Compte anonymisé n° X". The address becomes one that no
     * mail server accepts (RFC 2606 reserves .invalid) and stays unique; no way in is left.
     */
    void anonymise(Instant now) {
        this.status = Status.DISABLED;
        if (disabledAt == null) {
            this.disabledAt = now;
        }
        this.anonymisedAt = now;
        this.email = anonymisedEmail(id);
        this.passwordHash = null;
        this.authentication = AuthenticationMethod.PASSWORD;
        this.certificate = null;
        this.civility = Civility.MONSIEUR;
        this.firstName = ANONYMISED_FIRST_NAME;
        this.lastName = "n° " + id;
        this.lastNameFolded = fold(lastName);
        this.landline = null;
        this.mobile = null;
        this.fax = null;
        this.jobTitle = null;
        this.professionalDomain = null;
        this.placeOfAttachment = null;
        this.address = null;
        this.addressComplement = null;
        this.postalCode = null;
        this.city = null;
        this.interestDomains.clear();
        this.newsletter = false;
        // the consent's text version and date say nothing of the person, and prove what he had agreed to
        this.principalMembershipId = null;
        this.memberships.clear();
        this.platformAdmin = false;
        this.agent = false;
        this.lastSignInAt = null;
    }

    static final String ANONYMISED_FIRST_NAME = "Compte anonymisé";

    /** The placeholder address of an anonymised account: unroutable, unique, and telling. */
    public static String anonymisedEmail(Long id) {
        return "anonymise-" + id + "@compte.invalid";
    }

    public boolean anonymised() {
        return anonymisedAt != null;
    }

    Instant disabledAt() {
        return disabledAt;
    }

    /**
     * Back from a disablement: with the password he had, or the identities he signs in with (never
     * activated, still pending).
     */
    public void reactivate() {
        if (status == Status.DISABLED && anonymisedAt == null) {
            this.status = passwordHash == null && activatedAt == null ? Status.PENDING : Status.ACTIVE;
            this.disabledAt = null;
        }
    }

    public void keepWithoutMembership() {
        this.keptWithoutMembership = true;
    }

    boolean keptWithoutMembership() {
        return keptWithoutMembership;
    }

    public void choosePreferences(Set<InterestDomain> domains, boolean newsletter, String consentVersion, Instant now) {
        this.interestDomains.clear();
        this.interestDomains.addAll(domains);
        this.newsletter = newsletter;
        if (consentVersion == null) {
            this.consentVersion = null;
            this.consentAt = null;
        } else if (!consentVersion.equals(this.consentVersion)) {
            // the date is that of the consent to this text, not of the last form submitted
            this.consentVersion = consentVersion;
            this.consentAt = now;
        }
    }

    public void join(long organizationId, Membership.Status status, Instant now) {
        memberships.add(new Membership(this, organizationId, status, now));
    }

    void makePlatformAdmin() {
        this.platformAdmin = true;
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    public boolean isPending() {
        return status == Status.PENDING;
    }

    public AccountId id() {
        return new AccountId(id);
    }

    public EmailAddress email() {
        return new EmailAddress(email);
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Coordinates coordinates() {
        return new Coordinates(
                civility, lastName, firstName, landline, mobile, fax, jobTitle, professionalDomain, placeOfAttachment);
    }

    public String displayName() {
        return firstName + " " + lastName;
    }

    public Set<InterestDomain> interestDomains() {
        return interestDomains.isEmpty() ? EnumSet.noneOf(InterestDomain.class) : EnumSet.copyOf(interestDomains);
    }

    public boolean newsletter() {
        return newsletter;
    }

    public String consentVersion() {
        return consentVersion;
    }

    public Instant consentAt() {
        return consentAt;
    }

    public Locale locale() {
        return Locale.forLanguageTag(preferredLocale);
    }

    void makeAgent() {
        this.agent = true;
    }

    boolean platformAdmin() {
        return platformAdmin;
    }

    public Status status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant activatedAt() {
        return activatedAt;
    }

    public Instant lastSignInAt() {
        return lastSignInAt;
    }

    public List<Membership> memberships() {
        return List.copyOf(memberships);
    }
}
