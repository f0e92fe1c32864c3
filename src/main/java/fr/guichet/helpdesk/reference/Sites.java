package fr.guichet.helpdesk.reference;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.CorrespondentSites;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.organization.OrganizationId;
import fr.guichet.shared.NotFoundException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sites as the reference data keep them; the one change other modules make goes through
 * {@link Correspondents#install}. Someone both functional and technical correspondent of a site
 * has it once, as functional.
 */
@Component
class Sites implements CorrespondentSites {

    private final JdbcClient jdbc;
    private final HelpdeskReference reference;
    private final Correspondents correspondents;
    private final Products products;
    private final Accounts accounts;

    Sites(
            JdbcClient jdbc,
            HelpdeskReference reference,
            Correspondents correspondents,
            Products products,
            Accounts accounts) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.reference = reference;
        this.correspondents = correspondents;
        this.products = products;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Site> sitesOf(AccountId person) {
        return jdbc.sql("""
                        select c.establishment_id, c.product_id, p.name, min(c.kind) from correspondent c
                        join product p on p.id = c.product_id where c.account_id = ?
                        group by c.establishment_id, c.product_id, p.name
                        order by c.establishment_id, lower(p.name)""")
                .param(person.value())
                .query((rs, n) -> new Site(
                        new OrganizationId(rs.getLong(1)),
                        new ProductId(rs.getLong(2)),
                        rs.getString(3),
                        CorrespondentKind.valueOf(rs.getString(4))))
                .list();
    }

    @Override
    public boolean isCorrespondent(AccountId person, OrganizationId establishment, ProductId product) {
        return reference.isCorrespondent(person, establishment, product);
    }

    @Override
    public List<AccountId> correspondents(OrganizationId establishment, ProductId product) {
        return reference.correspondents(establishment, product).stream()
                .map(AccountId::new)
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Set<AccountId> correspondentsOf(ProductId product, Set<CorrespondentKind> kinds) {
        if (kinds.isEmpty()) {
            return Set.of();
        }
        return jdbc
                .sql("select distinct account_id from correspondent where product_id = :product and kind in (:kinds)")
                .param("product", product.value())
                .param("kinds", kinds.stream().map(Enum::name).toList())
                .query(Long.class)
                .list()
                .stream()
                .map(AccountId::new)
                .collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public Map<OrganizationId, List<AccountId>> correspondentsByEstablishment(ProductId product) {
        record Row(long establishmentId, long accountId) {}
        var sites = new LinkedHashMap<OrganizationId, List<AccountId>>();
        jdbc.sql("""
                        select establishment_id, account_id from correspondent where product_id = ?
                        order by establishment_id, kind, id""").param(product.value()).query(Row.class).list().forEach(row -> {
            var people = sites.computeIfAbsent(new OrganizationId(row.establishmentId()), e -> new ArrayList<>());
            // functional and technical: one person still
            if (!people.contains(new AccountId(row.accountId()))) {
                people.add(new AccountId(row.accountId()));
            }
        });
        return sites;
    }

    @Override
    public Optional<String> productName(ProductId product) {
        return reference.productName(product);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<ProductId, String> activeProducts() {
        var products = new LinkedHashMap<ProductId, String>();
        jdbc.sql("select id, name from product where active order by lower(name), id")
                .query((rs, n) -> products.put(new ProductId(rs.getLong(1)), rs.getString(2)))
                .list();
        return products;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Version> versions(ProductId product) {
        return jdbc.sql("""
                        select id, label, released_on, maintained from product_version where product_id = ?
                        order by released_on desc nulls last, label desc""")
                .param(product.value())
                .query((rs, n) ->
                        new Version(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getBoolean(4)))
                .list();
    }

    @Override
    public Optional<Installed> installedVersion(OrganizationId establishment, ProductId product) {
        return reference.installedVersion(establishment, product).map(v -> new Installed(v.versionId(), v.label()));
    }

    @Override
    @Transactional
    public Optional<Installed> lockInstalledVersion(OrganizationId establishment, ProductId product) {
        // the row alone, without a join: a lock both databases take the same way
        var locked = jdbc.sql(
                        "select version_id from installed_version where establishment_id = ? and product_id = ? for update")
                .params(establishment.value(), product.value())
                .query(Long.class)
                .optional();
        return locked.flatMap(v -> installedVersion(establishment, product));
    }

    @Override
    @Transactional
    public void validateInstalledVersion(
            AccountId agent, OrganizationId establishment, ProductId product, long versionId) {
        var site = correspondents.establishment(establishment.value());
        var found = products.find(product.value()).orElseThrow(NotFoundException::new);
        var serverData = correspondents
                .installed(establishment.value(), product.value())
                .map(Correspondents.Installed::serverData)
                .orElse(null);
        correspondents.install(agent, site, found, new ReferenceForms.InstalledVersionForm(versionId, serverData));
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isCorrespondent(AccountId person) {
        // the account index answers it without reading the product or grouping the sites
        return jdbc.sql("select exists (select 1 from correspondent where account_id = ?)")
                .param(person.value())
                .query(Boolean.class)
                .single();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isCorrespondent(AccountId person, OrganizationId establishment) {
        return jdbc.sql("select count(*) from correspondent where account_id = ? and establishment_id = ?")
                        .params(person.value(), establishment.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Override
    @Transactional(readOnly = true)
    public List<AccountId> correspondents(OrganizationId establishment) {
        return jdbc
                .sql("select distinct account_id from correspondent where establishment_id = ? order by account_id")
                .param(establishment.value())
                .query(Long.class)
                .list()
                .stream()
                .map(AccountId::new)
                .toList();
    }

    @Override
    public List<Named> named(OrganizationId establishment, ProductId product) {
        return correspondents.named(establishment.value(), product.value(), false);
    }

    @Override
    @Transactional
    public List<Named> lockNamed(OrganizationId establishment, ProductId product) {
        return correspondents.named(establishment.value(), product.value(), true);
    }

    @Override
    @Transactional(readOnly = true)
    public Named candidate(OrganizationId establishment, ProductId product, String email, CorrespondentKind kind) {
        var person = correspondents.candidate(
                correspondents.establishment(establishment.value()), product.value(), email, kind);
        return new Named(person.id(), person.displayName(), person.email(), kind, null, null);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean mayBeNamed(
            OrganizationId establishment, ProductId product, AccountId person, CorrespondentKind kind) {
        return accounts.find(person)
                .map(p -> correspondents.whyNot(
                                correspondents.establishment(establishment.value()), product.value(), p, kind)
                        == null)
                .orElse(false);
    }

    /** By his account, not the address he was asked by: he may have changed it since. */
    @Override
    @Transactional
    public void addCorrespondent(
            AccountId agent,
            OrganizationId establishment,
            ProductId product,
            AccountId person,
            CorrespondentKind kind,
            @Nullable String contactEmail) {
        var email = accounts.find(person)
                .orElseThrow(() -> new ReferenceRefused("email", "reference.correspondent.unknown", "—"))
                .email();
        correspondents.add(
                agent,
                correspondents.establishment(establishment.value()),
                product(product),
                new ReferenceForms.CorrespondentForm(email, kind, contactEmail));
    }

    @Override
    @Transactional
    public void removeCorrespondent(
            AccountId agent,
            OrganizationId establishment,
            ProductId product,
            AccountId person,
            CorrespondentKind kind) {
        correspondents.remove(
                agent, correspondents.establishment(establishment.value()), product(product), person, kind);
    }

    @Override
    @Transactional
    public void changeContact(
            AccountId agent,
            OrganizationId establishment,
            ProductId product,
            AccountId person,
            @Nullable String contactEmail,
            @Nullable String contactPhone) {
        correspondents.changeContact(
                agent,
                correspondents.establishment(establishment.value()),
                product(product),
                person,
                contactEmail,
                contactPhone);
    }

    private Products.Product product(ProductId product) {
        return products.find(product.value()).orElseThrow(NotFoundException::new);
    }
}
