package fr.guichet.helpdesk.tickets;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.helpdesk.CategoryId;
import fr.guichet.helpdesk.FilingRefused;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.helpdesk.reference.Category;
import fr.guichet.helpdesk.reference.HelpdeskReference;
import fr.guichet.helpdesk.reference.InstalledVersion;
import fr.guichet.organization.OrganizationId;
import fr.guichet.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a person is offered before he files: the categories open to him, and a category's form with
 * its advice (which he may choose not to see again) and, for a level-2 category, the version his
 * ticket will carry or why he may not file there.
 */
@Component
public class FilingForms {

    /**
     * A category's form as its reader gets it.
     *
     * @param version the installed version a level-2 ticket will carry; {@code unmaintained}, a warning
     * @param refusal why he may not file in this level-2 category (not correspondent, no validated version)
     * @param domains the product's domains, one of which the ticket is filed under
     */
    public record FilingForm(
            Category category,
            List<String> domains,
            @Nullable String productGuidance,
            boolean guidanceDismissed,
            @Nullable InstalledVersion version,
            boolean unmaintained,
            @Nullable FilingRefused refusal) {}

    private final HelpdeskReference reference;
    private final LevelTwoFiling levelTwo;
    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final Clock clock;

    FilingForms(HelpdeskReference reference, LevelTwoFiling levelTwo, Accounts accounts, JdbcClient jdbc, Clock clock) {
        this.reference = reference;
        this.levelTwo = levelTwo;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Level-2 categories of the products he is correspondent of, simple ones by his kind (member or not). */
    @Transactional(readOnly = true)
    public List<Category> categoriesFor(AccountId person) {
        var member = !accounts.organizationsOf(person).isEmpty();
        return reference.categoriesFor(person, member);
    }

    /**
     * The form of a category open to him (else 404); {@code establishment} is asked only for a level-2
     * category, and may refuse (he acts for no establishment).
     */
    @Transactional(readOnly = true)
    public FilingForm form(AccountId person, CategoryId id, Supplier<OrganizationId> establishment) {
        var category = openTo(person, id);
        var product = category.productId() == null ? null : new ProductId(category.productId());
        LevelTwoFiling.Eligibility eligibility = null;
        FilingRefused refusal = null;
        if (category.filedByCorrespondents() && product != null) {
            try {
                eligibility = levelTwo.check(person, establishment.get(), product);
            } catch (FilingRefused refused) {
                refusal = refused;
            }
        }
        return new FilingForm(
                category,
                product == null ? List.of() : reference.domains(product),
                product == null ? null : reference.productGuidance(product).orElse(null),
                guidanceDismissed(person, id),
                eligibility == null ? null : eligibility.version(),
                eligibility != null && eligibility.unmaintained(),
                refusal);
    }

    /** An active category, whoever asks: whether he may file there is the filing's to say. */
    @Transactional(readOnly = true)
    public Category category(CategoryId id) {
        return reference.category(id).filter(Category::active).orElseThrow(NotFoundException::new);
    }

    /** He chose not to see this category's advice again. */
    @Transactional
    public void dismissGuidance(AccountId person, CategoryId id) {
        openTo(person, id);
        jdbc.sql("""
                insert into guidance_dismissed (account_id, category_id, dismissed_at) select ?, ?, ?
                where not exists (select 1 from guidance_dismissed where account_id = ? and category_id = ?)""")
                .params(person.value(), id.value(), Timestamp.from(clock.instant()), person.value(), id.value())
                .update();
    }

    private boolean guidanceDismissed(AccountId person, CategoryId id) {
        return jdbc.sql("select count(*) from guidance_dismissed where account_id = ? and category_id = ?")
                        .params(person.value(), id.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    private Category openTo(AccountId person, CategoryId id) {
        return categoriesFor(person).stream()
                .filter(c -> c.id() == id.value())
                .findFirst()
                .orElseThrow(NotFoundException::new);
    }
}
