package fr.guichet.helpdesk.reference;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.MembershipView;
import fr.guichet.account.PersonView;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.CorrespondentSites.Named;
import fr.guichet.helpdesk.reference.ReferenceForms.CorrespondentForm;
import fr.guichet.helpdesk.reference.ReferenceForms.InstalledVersionForm;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.OrganizationView;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per establishment and product: its correspondents and the installed version the agency validated
 * (with the server data). Staff set them directly here; correspondents ask through change requests.
 */
@Service
class Correspondents {

    record Correspondent(long id, PersonView person, CorrespondentKind kind, String contactEmail) {}

    record Installed(long versionId, String label, String serverData, Instant validatedAt) {}

    /** An establishment with correspondents for a product, and how many. */
    record Covered(OrganizationView establishment, long correspondents) {}

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Organizations organizations;
    private final ReferenceLog log;
    private final Clock clock;

    Correspondents(JdbcClient jdbc, Accounts accounts, Organizations organizations, ReferenceLog log, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.organizations = organizations;
        this.log = log;
        this.clock = clock;
    }

    /** A member establishment (top-level organisation), or not found. */
    @Transactional(readOnly = true)
    OrganizationView establishment(long id) {
        return organizations
                .find(new OrganizationId(id))
                .filter(OrganizationView::establishment)
                .orElseThrow(NotFoundException::new);
    }

    @Transactional(readOnly = true)
    List<Correspondent> of(long establishment, long product) {
        record Row(long id, long accountId, String kind, String contactEmail) {}
        return jdbc.sql("""
                        select id, account_id, kind, contact_email from correspondent
                        where establishment_id = ? and product_id = ? order by kind, id""").params(establishment, product).query(Row.class).list().stream()
                .flatMap(r -> accounts.find(new AccountId(r.accountId())).stream()
                        .map(p -> new Correspondent(r.id(), p, CorrespondentKind.valueOf(r.kind()), r.contactEmail())))
                .toList();
    }

    @Transactional(readOnly = true)
    List<Covered> establishmentsOf(long product) {
        record Row(long establishmentId, long correspondents) {}
        var rows = jdbc.sql("""
                        select establishment_id, count(*) as correspondents from correspondent where product_id = ?
                        group by establishment_id""").param(product).query(Row.class).list();
        var byId = new HashMap<Long, OrganizationView>();
        organizations
                .findAll(rows.stream()
                        .map(r -> new OrganizationId(r.establishmentId()))
                        .toList())
                .forEach(o -> byId.put(o.id().value(), o));
        return rows.stream()
                .filter(r -> byId.containsKey(r.establishmentId()))
                .map(r -> new Covered(byId.get(r.establishmentId()), r.correspondents()))
                .sorted(Comparator.comparing(c -> c.establishment().name(), String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    @Transactional
    void add(AccountId actor, OrganizationView establishment, Products.Product product, CorrespondentForm form) {
        var person = candidate(establishment, product.id(), form.email(), form.kind());
        var contact = Products.blankToNull(form.contactEmail());
        try {
            jdbc.sql("""
                            insert into correspondent (establishment_id, product_id, account_id, kind, contact_email, created_at)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(
                            establishment.id().value(),
                            product.id(),
                            person.id().value(),
                            form.kind().name(),
                            contact == null ? null : contact.toLowerCase(Locale.ROOT),
                            Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException raced) {
            throw new ReferenceRefused("email", "reference.correspondent.already", person.email());
        }
        log.changed(
                actor,
                "CORRESPONDENT_ADDED",
                subject(establishment, product),
                form.kind() + " account " + person.id().value() + (contact == null ? "" : ", contact " + contact));
    }

    /** Who this address names, if he may become the site's correspondent of that kind; refused otherwise. */
    @Transactional(readOnly = true)
    PersonView candidate(OrganizationView establishment, long product, String email, CorrespondentKind kind) {
        var person = accounts.findByEmail(email)
                .orElseThrow(() -> new ReferenceRefused("email", "reference.correspondent.unknown", email.strip()));
        var refused = whyNot(establishment, product, person, kind);
        if (refused != null) {
            throw refused;
        }
        return person;
    }

    /**
     * Why this person may not be named so, none if he may: returned rather than thrown, so that a
     * caller's transaction asking only whether is not marked for rollback.
     */
    @Transactional(readOnly = true)
    @Nullable
    ReferenceRefused whyNot(OrganizationView establishment, long product, PersonView person, CorrespondentKind kind) {
        if (!confirmedMember(person.id(), establishment)) {
            return new ReferenceRefused(
                    "email", "reference.correspondent.not-member", person.email(), establishment.name());
        }
        var already = jdbc.sql("""
                        select count(*) from correspondent
                        where establishment_id = ? and product_id = ? and account_id = ? and kind = ?""")
                .params(establishment.id().value(), product, person.id().value(), kind.name())
                .query(Long.class)
                .single();
        return already > 0 ? new ReferenceRefused("email", "reference.correspondent.already", person.email()) : null;
    }

    /** The site's correspondents with how they are reached, locked for a decision when asked. */
    @Transactional(readOnly = true)
    List<Named> named(long establishment, long product, boolean lock) {
        record Row(
                long accountId,
                String kind,
                @Nullable String contactEmail,
                @Nullable String contactPhone) {}
        var rows = jdbc.sql("""
                        select account_id, kind, contact_email, contact_phone from correspondent
                        where establishment_id = ? and product_id = ? order by kind, id""" + (lock ? " for update" : ""))
                .params(establishment, product)
                .query(Row.class)
                .list();
        var people = new HashMap<AccountId, PersonView>();
        accounts.find(rows.stream()
                        .map(r -> new AccountId(r.accountId()))
                        .distinct()
                        .toList())
                .forEach(p -> people.put(p.id(), p));
        return rows.stream()
                .filter(r -> people.containsKey(new AccountId(r.accountId())))
                .map(r -> {
                    var person = people.get(new AccountId(r.accountId()));
                    return new Named(
                            person.id(),
                            person.displayName(),
                            person.email(),
                            CorrespondentKind.valueOf(r.kind()),
                            r.contactEmail(),
                            r.contactPhone());
                })
                .toList();
    }

    /** How a correspondent is reached for the site, whichever kinds he is there. */
    @Transactional
    void changeContact(
            AccountId actor,
            OrganizationView establishment,
            Products.Product product,
            AccountId person,
            @Nullable String contactEmail,
            @Nullable String contactPhone) {
        var email = Products.blankToNull(contactEmail);
        var phone = Products.blankToNull(contactPhone);
        var changed = jdbc.sql("""
                        update correspondent set contact_email = ?, contact_phone = ?
                        where establishment_id = ? and product_id = ? and account_id = ?""")
                .params(
                        email == null ? null : email.toLowerCase(Locale.ROOT),
                        phone,
                        establishment.id().value(),
                        product.id(),
                        person.value())
                .update();
        if (changed > 0) {
            log.changed(
                    actor,
                    "CORRESPONDENT_CONTACT_CHANGED",
                    subject(establishment, product),
                    "account " + person.value());
        }
    }

    /** Removes a person's naming of that kind, if he still has it. */
    @Transactional
    void remove(
            AccountId actor,
            OrganizationView establishment,
            Products.Product product,
            AccountId person,
            CorrespondentKind kind) {
        jdbc.sql("""
                        select id from correspondent
                        where establishment_id = ? and product_id = ? and account_id = ? and kind = ?""")
                .params(establishment.id().value(), product.id(), person.value(), kind.name())
                .query(Long.class)
                .optional()
                .ifPresent(id -> remove(actor, establishment, product, id));
    }

    /** A confirmed member of the establishment or of one of its sub-organisations. */
    private boolean confirmedMember(AccountId person, OrganizationView establishment) {
        var confirmed = accounts.memberships(person).stream()
                .filter(MembershipView::confirmed)
                .map(MembershipView::organization)
                .toList();
        return confirmed.contains(establishment.id())
                || organizations.findAll(confirmed).stream()
                        .anyMatch(o -> o.establishmentId().equals(establishment.id()));
    }

    @Transactional
    void remove(AccountId actor, OrganizationView establishment, Products.Product product, long id) {
        record Row(long accountId, String kind) {}
        var row = jdbc.sql(
                        "select account_id, kind from correspondent where id = ? and establishment_id = ? and product_id = ?")
                .params(id, establishment.id().value(), product.id())
                .query(Row.class)
                .optional()
                .orElseThrow(NotFoundException::new);
        jdbc.sql("delete from correspondent where id = ?").param(id).update();
        log.changed(
                actor,
                "CORRESPONDENT_REMOVED",
                subject(establishment, product),
                row.kind() + " account " + row.accountId());
    }

    @Transactional(readOnly = true)
    Optional<Installed> installed(long establishment, long product) {
        return jdbc.sql("""
                        select i.version_id, v.label, i.server_data, i.validated_at
                        from installed_version i join product_version v on v.id = i.version_id
                        where i.establishment_id = ? and i.product_id = ?""")
                .params(establishment, product)
                .query((rs, n) -> new Installed(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }

    @Transactional
    void install(
            @Nullable AccountId actor,
            OrganizationView establishment,
            Products.Product product,
            InstalledVersionForm form) {
        var label = jdbc.sql("select label from product_version where id = ? and product_id = ?")
                .params(form.versionId(), product.id())
                .query(String.class)
                .optional()
                .orElseThrow(() -> new ReferenceRefused("versionId", "reference.installed.version.required"));
        var serverData = Products.blankToNull(form.serverData());
        var now = Timestamp.from(clock.instant());
        // none when the platform sets it up (installation, demo data)
        var validatedBy = actor == null ? null : actor.value();
        var changed = jdbc.sql("""
                        update installed_version set version_id = ?, server_data = ?, validated_at = ?, validated_by = ?
                        where establishment_id = ? and product_id = ?""")
                .params(
                        form.versionId(),
                        serverData,
                        now,
                        validatedBy,
                        establishment.id().value(),
                        product.id())
                .update();
        if (changed == 0) {
            jdbc.sql("""
                            insert into installed_version (establishment_id, product_id, version_id, server_data, validated_at, validated_by)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(establishment.id().value(), product.id(), form.versionId(), serverData, now, validatedBy)
                    .update();
        }
        log.changed(
                actor,
                "INSTALLED_VERSION_VALIDATED",
                subject(establishment, product),
                label + (serverData == null ? "" : ", server data changed"));
    }

    private static String subject(OrganizationView establishment, Products.Product product) {
        return "establishment " + establishment.id().value() + " product " + product.id() + ": " + establishment.name()
                + " / " + product.code();
    }
}
