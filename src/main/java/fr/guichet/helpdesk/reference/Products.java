package fr.guichet.helpdesk.reference;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.reference.ReferenceForms.DomainForm;
import fr.guichet.helpdesk.reference.ReferenceForms.ProductForm;
import fr.guichet.helpdesk.reference.ReferenceForms.VersionForm;
import fr.guichet.shared.NotFoundException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The supported products, their versions and their domains, as the agency's staff keep them. */
@Service
class Products {

    record Product(long id, String code, String name, String guidance, boolean active) {}

    record Version(long id, String label, LocalDate releasedOn, boolean maintained) {}

    /** A domain and how many tickets name it: a used domain cannot be removed. */
    record Domain(long id, String name, long tickets) {}

    private final JdbcClient jdbc;
    private final ReferenceLog log;

    Products(JdbcClient jdbc, ReferenceLog log) {
        this.jdbc = jdbc;
        this.log = log;
    }

    @Transactional(readOnly = true)
    List<Product> all() {
        return jdbc.sql("select id, code, name, guidance, active from product order by name, code")
                .query(Product.class)
                .list();
    }

    @Transactional(readOnly = true)
    Optional<Product> find(long id) {
        return jdbc.sql("select id, code, name, guidance, active from product where id = ?")
                .param(id)
                .query(Product.class)
                .optional();
    }

    @Transactional
    long create(AccountId actor, ProductForm form) {
        var code = form.code().strip();
        requireFreeCode(code, -1);
        var key = new GeneratedKeyHolder();
        try {
            jdbc.sql("insert into product (code, name, guidance, active) values (?, ?, ?, ?)")
                    .params(code, form.name().strip(), blankToNull(form.guidance()), Boolean.TRUE.equals(form.active()))
                    .update(key, "id");
        } catch (DuplicateKeyException raced) {
            throw new ReferenceRefused("code", "reference.product.code-taken", code);
        }
        var id = key.getKey().longValue();
        log.changed(
                actor,
                "PRODUCT_CREATED",
                "product " + id + ": " + code,
                form.name().strip());
        return id;
    }

    @Transactional
    void change(AccountId actor, long id, ProductForm form) {
        var before = find(id).orElseThrow(NotFoundException::new);
        var code = form.code().strip();
        requireFreeCode(code, id);
        var active = Boolean.TRUE.equals(form.active());
        try {
            jdbc.sql("update product set code = ?, name = ?, guidance = ?, active = ? where id = ?")
                    .params(code, form.name().strip(), blankToNull(form.guidance()), active, id)
                    .update();
        } catch (DuplicateKeyException raced) {
            throw new ReferenceRefused("code", "reference.product.code-taken", code);
        }
        log.changed(
                actor,
                "PRODUCT_CHANGED",
                "product " + id + ": " + code,
                "code " + before.code() + " → " + code + ", name " + before.name() + " → "
                        + form.name().strip() + ", active " + before.active() + " → " + active);
    }

    private void requireFreeCode(String code, long except) {
        if (jdbc.sql("select count(*) from product where lower(code) = lower(?) and id <> ?")
                        .params(code, except)
                        .query(Long.class)
                        .single()
                > 0) {
            throw new ReferenceRefused("code", "reference.product.code-taken", code);
        }
    }

    @Transactional(readOnly = true)
    List<Version> versions(long product) {
        // newest first: the release date when known, then the order they were added in
        return jdbc.sql("""
                        select id, label, released_on, maintained from product_version where product_id = ?
                        order by released_on desc nulls last, id desc""").param(product).query(Version.class).list();
    }

    @Transactional
    void addVersion(AccountId actor, long product, VersionForm form) {
        var found = find(product).orElseThrow(NotFoundException::new);
        var label = form.label().strip();
        if (jdbc.sql("select count(*) from product_version where product_id = ? and lower(label) = lower(?)")
                        .params(product, label)
                        .query(Long.class)
                        .single()
                > 0) {
            throw new ReferenceRefused("label", "reference.version.taken", label);
        }
        var maintained = Boolean.TRUE.equals(form.maintained());
        try {
            jdbc.sql("insert into product_version (product_id, label, released_on, maintained) values (?, ?, ?, ?)")
                    .params(product, label, form.releasedOnDate(), maintained)
                    .update();
        } catch (DuplicateKeyException raced) {
            throw new ReferenceRefused("label", "reference.version.taken", label);
        }
        log.changed(
                actor,
                "VERSION_ADDED",
                "product " + product + ": " + found.code(),
                label + (form.releasedOnDate() == null ? "" : ", released on " + form.releasedOnDate())
                        + ", maintained " + maintained);
    }

    @Transactional
    void maintain(AccountId actor, long product, long version, boolean maintained) {
        var found = find(product).orElseThrow(NotFoundException::new);
        var label = jdbc.sql("select label from product_version where id = ? and product_id = ?")
                .params(version, product)
                .query(String.class)
                .optional()
                .orElseThrow(NotFoundException::new);
        jdbc.sql("update product_version set maintained = ? where id = ?")
                .params(maintained, version)
                .update();
        log.changed(
                actor,
                maintained ? "VERSION_MAINTAINED" : "VERSION_UNMAINTAINED",
                "product " + product + ": " + found.code(),
                label);
    }

    @Transactional(readOnly = true)
    List<Domain> domains(long product) {
        return jdbc.sql("""
                        select d.id, d.name, (select count(*) from ticket t where t.product_id = d.product_id and t.domain = d.name) as tickets
                        from product_domain d where d.product_id = ? order by d.name""").param(product).query(Domain.class).list();
    }

    @Transactional(readOnly = true)
    Optional<Domain> domain(long product, long domain) {
        return domains(product).stream().filter(d -> d.id() == domain).findFirst();
    }

    @Transactional
    void addDomain(AccountId actor, long product, DomainForm form) {
        var found = find(product).orElseThrow(NotFoundException::new);
        var name = form.domain().strip();
        requireFreeDomain(product, name, -1);
        try {
            jdbc.sql("insert into product_domain (product_id, name) values (?, ?)")
                    .params(product, name)
                    .update();
        } catch (DuplicateKeyException raced) {
            throw new ReferenceRefused("domain", "reference.domain.taken", name);
        }
        log.changed(actor, "DOMAIN_ADDED", "product " + product + ": " + found.code(), name);
    }

    /** Tickets keep the domain they were filed (or requalified) with: their history is not rewritten. */
    @Transactional
    void renameDomain(AccountId actor, long product, long domain, DomainForm form) {
        var found = find(product).orElseThrow(NotFoundException::new);
        var before = domain(product, domain).orElseThrow(NotFoundException::new);
        var name = form.domain().strip();
        requireFreeDomain(product, name, domain);
        try {
            jdbc.sql("update product_domain set name = ? where id = ?")
                    .params(name, domain)
                    .update();
        } catch (DuplicateKeyException raced) {
            throw new ReferenceRefused("domain", "reference.domain.taken", name);
        }
        log.changed(actor, "DOMAIN_RENAMED", "product " + product + ": " + found.code(), before.name() + " → " + name);
    }

    @Transactional
    void removeDomain(AccountId actor, long product, long domain) {
        var found = find(product).orElseThrow(NotFoundException::new);
        var existing = domain(product, domain).orElseThrow(NotFoundException::new);
        if (existing.tickets() > 0) {
            throw new ReferenceRefused("domain", "reference.domain.used", existing.name(), existing.tickets());
        }
        jdbc.sql("delete from product_domain where id = ?").param(domain).update();
        log.changed(actor, "DOMAIN_REMOVED", "product " + product + ": " + found.code(), existing.name());
    }

    private void requireFreeDomain(long product, String name, long except) {
        if (jdbc.sql("select count(*) from product_domain where product_id = ? and lower(name) = lower(?) and id <> ?")
                        .params(product, name, except)
                        .query(Long.class)
                        .single()
                > 0) {
            throw new ReferenceRefused("domain", "reference.domain.taken", name);
        }
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
