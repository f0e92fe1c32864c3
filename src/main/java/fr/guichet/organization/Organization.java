package fr.guichet.organization;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** A node of the tree; its type is chosen at creation and never changes. */
@Entity
@Table(name = "organization")
class Organization {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "parent_id")
    private Long parentId;

    private String name;

    private String acronym;

    @Column(name = "type_code", updatable = false)
    private String typeCode;

    private String path;

    private String address;

    @Column(name = "postal_code")
    private String postalCode;

    private String city;
    private String phone;
    private String fax;
    private String website;

    // lazy: read only to confirm a membership, never for a permission check or a page of the tree
    @ElementCollection
    @CollectionTable(name = "organization_email_domain", joinColumns = @JoinColumn(name = "organization_id"))
    @Column(name = "domain")
    private Set<String> emailDomains = new HashSet<>();

    @Column(name = "created_at")
    private Instant createdAt;

    protected Organization() {}

    static Organization establishment(String name, String acronym, String typeCode, Set<String> domains, Instant now) {
        var organization = new Organization();
        organization.name = name;
        organization.acronym = acronym;
        organization.typeCode = typeCode;
        domains.forEach(d -> organization.emailDomains.add(d.toLowerCase(Locale.ROOT)));
        organization.createdAt = now;
        // the real path needs the id: placed by placeInTree() once saved
        organization.path = "/";
        return organization;
    }

    Organization child(String typeCode, OrganizationDetails details, Instant now) {
        var child = new Organization();
        child.parentId = id;
        child.typeCode = typeCode;
        child.createdAt = now;
        child.path = path;
        child.change(details);
        return child;
    }

    /** Called once the id is known. */
    void placeInTree() {
        if (!path.endsWith("/" + id + "/")) {
            path = path + id + "/";
        }
    }

    void change(OrganizationDetails details) {
        this.name = details.name();
        this.address = details.address();
        this.postalCode = details.postalCode();
        this.city = details.city();
        this.phone = details.phone();
        this.fax = details.fax();
        if (parentId == null) {
            this.website = details.website();
        }
    }

    boolean hasEmailDomain(String domain) {
        return emailDomains.contains(domain.toLowerCase(Locale.ROOT));
    }

    Long id() {
        return id;
    }

    String path() {
        return path;
    }

    OrganizationView view() {
        return new OrganizationView(
                new OrganizationId(id),
                parentId == null ? null : new OrganizationId(parentId),
                name,
                acronym,
                typeCode,
                path,
                new OrganizationDetails(name, address, postalCode, city, phone, fax, website));
    }
}
