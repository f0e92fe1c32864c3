package fr.guichet.helpdesk.reference;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.PersonView;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.helpdesk.reference.ReferenceForms.CategoryForm;
import fr.guichet.helpdesk.reference.ReferenceForms.CorrespondentForm;
import fr.guichet.helpdesk.reference.ReferenceForms.DomainForm;
import fr.guichet.helpdesk.reference.ReferenceForms.InstalledVersionForm;
import fr.guichet.helpdesk.reference.ReferenceForms.ProductForm;
import fr.guichet.helpdesk.reference.ReferenceForms.VersionForm;
import fr.guichet.helpdesk.reference.Rosters.Kind;
import fr.guichet.organization.OrganizationId;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reference data as the platform itself sets it up (installation, demo data, tests): the same
 * services as the reference pages, with their checks and their audit, by nobody in particular.
 */
@Service
public class ReferenceSetup {

    /** The category form's defaults: first among its siblings, the description limit of a new category. */
    private static final String FIRST = "0";

    private static final String DESCRIPTION_LIMIT = "10000";

    private final Products products;
    private final Correspondents correspondents;
    private final Rosters rosters;
    private final CategoryTree categories;
    private final Accounts accounts;

    ReferenceSetup(
            Products products,
            Correspondents correspondents,
            Rosters rosters,
            CategoryTree categories,
            Accounts accounts) {
        this.products = products;
        this.correspondents = correspondents;
        this.rosters = rosters;
        this.categories = categories;
        this.accounts = accounts;
    }

    @Transactional
    public ProductId defineProduct(String code, String name, @Nullable String guidance) {
        return new ProductId(products.create(null, new ProductForm(code, name, guidance, true)));
    }

    /** A version of the product; returns its id. */
    @Transactional
    public long defineVersion(ProductId product, String label, boolean maintained) {
        products.addVersion(null, product.value(), new VersionForm(label, null, maintained));
        return versionId(product, label);
    }

    /** A functional domain of the product, which its tickets are filed under. */
    @Transactional
    public void defineDomain(ProductId product, String name) {
        products.addDomain(null, product.value(), new DomainForm(name));
    }

    @Transactional(readOnly = true)
    public long versionId(ProductId product, String label) {
        return products.versions(product.value()).stream()
                .filter(v -> v.label().equals(label))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no version " + label))
                .id();
    }

    /** The establishment's installed version of the product, as if the agency had validated it. */
    @Transactional
    public void validateInstalledVersion(
            OrganizationId establishment, ProductId product, long version, @Nullable AccountId agent) {
        correspondents.install(
                agent,
                correspondents.establishment(establishment.value()),
                product(product),
                new InstalledVersionForm(version, null));
    }

    @Transactional
    public void nameCorrespondent(
            OrganizationId establishment,
            ProductId product,
            AccountId person,
            CorrespondentKind kind,
            @Nullable String contactEmail) {
        correspondents.add(
                null,
                correspondents.establishment(establishment.value()),
                product(product),
                new CorrespondentForm(email(person), kind, contactEmail));
    }

    /** The site's correspondent leaves (the reference pages' removal). */
    @Transactional
    public void removeCorrespondent(OrganizationId establishment, ProductId product, AccountId person) {
        var site = correspondents.establishment(establishment.value());
        var found = product(product);
        correspondents.of(establishment.value(), product.value()).stream()
                .filter(c -> c.person().id().equals(person))
                .forEach(c -> correspondents.remove(null, site, found, c.id()));
    }

    @Transactional
    public long defineTeam(String name, List<AccountId> agents) {
        return roster(Kind.TEAM, name, agents);
    }

    /** A contractor company whose agents see only the tickets handed to it. */
    @Transactional
    public long defineContractor(String name, List<AccountId> agents) {
        return roster(Kind.CONTRACTOR, name, agents);
    }

    private long roster(Kind kind, String name, List<AccountId> people) {
        var id = rosters.create(null, kind, name);
        people.forEach(person -> rosters.add(null, kind, id, email(person)));
        return id;
    }

    /** A category at the end of its siblings, active, with no guidance nor required field. Returns its id. */
    @Transactional
    public long defineCategory(
            @Nullable Long parent,
            String name,
            @Nullable ProductId product,
            boolean correspondents,
            boolean members,
            boolean externals,
            boolean requiresValidation,
            boolean publishes,
            @Nullable Long team) {
        return categories.create(
                null,
                parent,
                new CategoryForm(
                        name,
                        FIRST,
                        product == null ? null : product.value(),
                        correspondents,
                        members,
                        externals,
                        requiresValidation,
                        publishes,
                        team,
                        null,
                        DESCRIPTION_LIMIT,
                        Set.of(),
                        true));
    }

    /** The category makes these fields of the filing form required. */
    @Transactional
    public void requireFields(long category, Set<RequiredField> fields) {
        var form = form(category);
        categories.change(
                null,
                category,
                new CategoryForm(
                        form.name(),
                        form.sortOrder(),
                        form.productId(),
                        form.filedByCorrespondents(),
                        form.filedByMembers(),
                        form.filedByExternals(),
                        form.requiresValidation(),
                        form.publishes(),
                        form.teamId(),
                        form.guidance(),
                        form.descriptionLimit(),
                        fields,
                        form.active()));
    }

    /** What the category tells its filers to include, on the screen before its form. */
    @Transactional
    public void guide(long category, String guidance) {
        var form = form(category);
        categories.change(
                null,
                category,
                new CategoryForm(
                        form.name(),
                        form.sortOrder(),
                        form.productId(),
                        form.filedByCorrespondents(),
                        form.filedByMembers(),
                        form.filedByExternals(),
                        form.requiresValidation(),
                        form.publishes(),
                        form.teamId(),
                        guidance,
                        form.descriptionLimit(),
                        form.requiredFields(),
                        form.active()));
    }

    private CategoryForm form(long category) {
        return categories
                .find(category)
                .orElseThrow(() -> new IllegalArgumentException("no category " + category))
                .form();
    }

    private Products.Product product(ProductId id) {
        return products.find(id.value()).orElseThrow(() -> new IllegalArgumentException("no product " + id.value()));
    }

    private String email(AccountId person) {
        return accounts.find(person)
                .map(PersonView::email)
                .orElseThrow(() -> new IllegalArgumentException("no account " + person));
    }
}
