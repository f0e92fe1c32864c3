package fr.guichet.releases;

import fr.guichet.account.AccountId;
import fr.guichet.account.EmailAddress;
import fr.guichet.helpdesk.CorrespondentSites;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.organization.OrganizationId;
import fr.guichet.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each establishment's generic project address for a product (sinaps@univ-x.fr), with the language of
 * what is sent there. Only the establishment's correspondents of the product set or clear it: to
 * anyone else the form does not exist. This is its one write path.
 */
@Service
class ProjectAddresses {

    /** An address and the language its messages are written in. */
    record ProjectAddress(String email, Locale locale) {}

    private final JdbcClient jdbc;
    private final CorrespondentSites reference;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProjectAddresses(JdbcClient jdbc, CorrespondentSites reference, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.reference = reference;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Optional<ProjectAddress> of(AccountId person, OrganizationId establishment, ProductId product) {
        requireCorrespondent(person, establishment, product);
        return find(establishment, product);
    }

    /**
     * @throws ReleaseRefusal no address, not an e-mail address, or a language the portal does not speak
     */
    @Transactional
    void set(
            AccountId person,
            OrganizationId establishment,
            ProductId product,
            @Nullable String email,
            @Nullable String language) {
        requireCorrespondent(person, establishment, product);
        if (email == null || email.isBlank()) {
            throw new ReleaseRefusal("releases.address.required");
        }
        if (!EmailAddress.isValid(email)) {
            throw new ReleaseRefusal("releases.address.invalid");
        }
        if (!"fr".equals(language) && !"en".equals(language)) {
            throw new ReleaseRefusal("releases.address.language");
        }
        var address = new EmailAddress(email).value();
        var now = clock.instant();
        remove(establishment, product);
        jdbc.sql("""
                        insert into project_address (establishment_id, product_id, email, language, updated_by, updated_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(establishment.value(), product.value(), address, language, person.value(), Timestamp.from(now))
                .update();
        events.publishEvent(new ProjectAddressChanged(person, product, establishment, address, now));
    }

    @Transactional
    void clear(AccountId person, OrganizationId establishment, ProductId product) {
        requireCorrespondent(person, establishment, product);
        if (remove(establishment, product) > 0) {
            events.publishEvent(new ProjectAddressChanged(person, product, establishment, "", clock.instant()));
        }
    }

    /** Every establishment's address for the product, for what is sent to all of them. */
    @Transactional(readOnly = true)
    Map<OrganizationId, ProjectAddress> ofProduct(ProductId product) {
        record Row(long establishmentId, String email, String language) {}
        var addresses = new LinkedHashMap<OrganizationId, ProjectAddress>();
        jdbc.sql(
                        "select establishment_id, email, language from project_address where product_id = ? order by establishment_id")
                .param(product.value())
                .query(Row.class)
                .list()
                .forEach(row -> addresses.put(
                        new OrganizationId(row.establishmentId()),
                        new ProjectAddress(row.email(), Locale.forLanguageTag(row.language()))));
        return addresses;
    }

    private Optional<ProjectAddress> find(OrganizationId establishment, ProductId product) {
        return jdbc.sql("select email, language from project_address where establishment_id = ? and product_id = ?")
                .params(establishment.value(), product.value())
                .query((rs, n) -> new ProjectAddress(rs.getString(1), Locale.forLanguageTag(rs.getString(2))))
                .optional();
    }

    private int remove(OrganizationId establishment, ProductId product) {
        return jdbc.sql("delete from project_address where establishment_id = ? and product_id = ?")
                .params(establishment.value(), product.value())
                .update();
    }

    private void requireCorrespondent(AccountId person, OrganizationId establishment, ProductId product) {
        if (!reference.isCorrespondent(person, establishment, product)) {
            throw new NotFoundException();
        }
    }
}
