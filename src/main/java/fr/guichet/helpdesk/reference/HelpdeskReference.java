package fr.guichet.helpdesk.reference;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.PersonView;
import fr.guichet.helpdesk.CategoryId;
import fr.guichet.helpdesk.ContractorId;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.helpdesk.SoftwareCorrespondents;
import fr.guichet.helpdesk.TeamId;
import fr.guichet.organization.OrganizationId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reference data the helpdesk's rules read: products and versions, who is correspondent
 * where, the validated installed versions, the agency's closure periods. (Their pages for agents
 * and platform admins come with the ticket pages.)
 */
@Component
public class HelpdeskReference implements SoftwareCorrespondents {

    /** The columns {@link #CATEGORY} reads, in its order. */
    private static final String CATEGORY_COLUMNS = """
            id, name, product_id, filed_by_correspondents, filed_by_members, filed_by_externals,
            requires_validation, publishes, team_id, description_limit, active, guidance, required_fields""";

    private static final RowMapper<Category> CATEGORY = (rs, n) -> new Category(
            rs.getLong(1),
            rs.getString(2),
            rs.getObject(3, Long.class),
            rs.getBoolean(4),
            rs.getBoolean(5),
            rs.getBoolean(6),
            rs.getBoolean(7),
            rs.getBoolean(8),
            rs.getObject(9, Long.class),
            rs.getInt(10),
            rs.getBoolean(11),
            rs.getString(12),
            RequiredField.parse(rs.getString(13)));

    private final JdbcClient jdbc;
    private final Accounts accounts;

    HelpdeskReference(JdbcClient jdbc, Accounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public List<SoftwareCorrespondent> of(OrganizationId establishment) {
        record Row(
                String product,
                String kind,
                long accountId,
                @Nullable String contactEmail) {}
        var rows = jdbc.sql("""
                        select p.name as product, c.kind, c.account_id, c.contact_email
                        from correspondent c join product p on p.id = c.product_id
                        where c.establishment_id = ?
                        order by lower(p.name), p.id, c.kind, c.id""").param(establishment.value()).query(Row.class).list();
        Map<AccountId, PersonView> people =
                accounts
                        .find(rows.stream()
                                .map(r -> new AccountId(r.accountId()))
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(PersonView::id, Function.identity()));
        return rows.stream()
                .filter(r -> people.containsKey(new AccountId(r.accountId())))
                .map(r -> {
                    var person = people.get(new AccountId(r.accountId()));
                    return new SoftwareCorrespondent(
                            r.product(),
                            CorrespondentKind.valueOf(r.kind()),
                            person.displayName(),
                            r.contactEmail() == null ? person.email() : r.contactEmail());
                })
                .toList();
    }

    @Transactional(readOnly = true)
    public boolean isCorrespondent(AccountId person, OrganizationId establishment, ProductId product) {
        return jdbc.sql("""
                        select count(*) from correspondent
                        where account_id = ? and establishment_id = ? and product_id = ?""")
                        .params(person.value(), establishment.value(), product.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Transactional(readOnly = true)
    public Optional<InstalledVersion> installedVersion(OrganizationId establishment, ProductId product) {
        return jdbc.sql("""
                        select v.id, v.label, v.maintained from installed_version i join product_version v on v.id = i.version_id
                        where i.establishment_id = ? and i.product_id = ?""")
                .params(establishment.value(), product.value())
                .query((rs, n) -> new InstalledVersion(rs.getLong(1), rs.getString(2), rs.getBoolean(3)))
                .optional();
    }

    /** The product's "what to include", shown while writing a ticket. */
    @Transactional(readOnly = true)
    public Optional<String> productGuidance(ProductId product) {
        return jdbc.sql("select guidance from product where id = ?")
                .param(product.value())
                .query(String.class)
                .optional();
    }

    /** The product's functional domains, by name: what a ticket of the product is filed (or requalified) under. */
    @Transactional(readOnly = true)
    public List<String> domains(ProductId product) {
        return jdbc.sql("select name from product_domain where product_id = ? order by lower(name), id")
                .param(product.value())
                .query(String.class)
                .list();
    }

    /** Whether any contractor company exists: the agency hands tickets only to one it has. */
    @Transactional(readOnly = true)
    public boolean anyContractor() {
        return jdbc.sql("select count(*) from contractor").query(Long.class).single() > 0;
    }

    @Transactional(readOnly = true)
    public Optional<String> productName(ProductId product) {
        return jdbc.sql("select name from product where id = ?")
                .param(product.value())
                .query(String.class)
                .optional();
    }

    @Transactional(readOnly = true)
    public Optional<Category> category(CategoryId id) {
        return jdbc.sql("select " + CATEGORY_COLUMNS + " from category where id = ?")
                .param(id.value())
                .query(CATEGORY)
                .optional();
    }

    /** The contact addresses of the establishment's correspondents for the product (or their sign-in address). */
    @Transactional(readOnly = true)
    public List<Long> correspondents(OrganizationId establishment, ProductId product) {
        return jdbc.sql(
                        "select distinct account_id from correspondent where establishment_id = ? and product_id = ? order by account_id")
                .params(establishment.value(), product.value())
                .query(Long.class)
                .list();
    }

    /** The categories open to this person: level-2 ones of the products he is correspondent of, simple ones by his kind. */
    @Transactional(readOnly = true)
    public List<Category> categoriesFor(AccountId person, boolean member) {
        return jdbc.sql("select " + CATEGORY_COLUMNS + """
                         from category c
                        where c.active and (
                              (c.filed_by_correspondents and c.product_id in (select product_id from correspondent where account_id = ?))
                           or (? and c.filed_by_members and not c.filed_by_correspondents)
                           or (? and c.filed_by_externals and not c.filed_by_correspondents))
                        order by c.sort_order, c.name""")
                .params(person.value(), member, !member)
                .query(CATEGORY)
                .list();
    }

    /** The level-2 categories (one per product, filed by its correspondents): what an agent may file for a site. */
    @Transactional(readOnly = true)
    public List<Category> levelTwoCategories() {
        return jdbc.sql("select " + CATEGORY_COLUMNS + """
                         from category c where c.active and c.filed_by_correspondents and c.product_id is not null
                        order by c.sort_order, c.name""").query(CATEGORY).list();
    }

    /** The establishments that have correspondents for the product. */
    @Transactional(readOnly = true)
    public List<Long> establishmentsWithCorrespondents(ProductId product) {
        return jdbc.sql("select distinct establishment_id from correspondent where product_id = ? order by 1")
                .param(product.value())
                .query(Long.class)
                .list();
    }

    @Transactional(readOnly = true)
    public List<TeamChoice> teams() {
        return jdbc.sql("select id, name from team order by lower(name), id")
                .query((rs, n) -> new TeamChoice(new TeamId(rs.getLong(1)), rs.getString(2)))
                .list();
    }

    public record TeamChoice(TeamId id, String name) {}

    @Transactional(readOnly = true)
    public List<Long> teamMembers(TeamId team) {
        return jdbc.sql("select account_id from team_member where team_id = ? order by account_id")
                .param(team.value())
                .query(Long.class)
                .list();
    }

    @Transactional(readOnly = true)
    public List<Long> contractorAgents(ContractorId contractor) {
        return jdbc.sql("select account_id from contractor_agent where contractor_id = ? order by account_id")
                .param(contractor.value())
                .query(Long.class)
                .list();
    }

    /** The products, by name: the search's filter, and the names of the products tickets carry. */
    @Transactional(readOnly = true)
    public List<ProductChoice> products() {
        return jdbc.sql("select id, name from product order by lower(name), id")
                .query((rs, n) -> new ProductChoice(rs.getLong(1), rs.getString(2)))
                .list();
    }

    public record ProductChoice(long id, String name) {}

    @Transactional(readOnly = true)
    public List<ContractorChoice> contractors() {
        return jdbc.sql("select id, name from contractor order by name")
                .query((rs, n) -> new ContractorChoice(new ContractorId(rs.getLong(1)), rs.getString(2)))
                .list();
    }

    /** A contractor company, as a hand-over form offers it. */
    public record ContractorChoice(ContractorId id, String name) {}
}
