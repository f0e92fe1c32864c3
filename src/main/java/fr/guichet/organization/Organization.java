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

    @ElementCollection
    @CollectionTable(name = "organization_email_domain", joinColumns = @JoinColumn(name = "organization_id"))
    @Column(name = "domain")
    private Set<String> emailDomains = new HashSet<>();

    @Column(name = "created_at")
    private Instant createdAt;

    protected Organization() {
    }

    static Organization establishment(String name, String acronym, Set<String> domains, Instant now) {
        var organization = new Organization();
        organization.name = name;
        organization.acronym = acronym;
        domains.forEach(d -> organization.emailDomains.add(d.toLowerCase(Locale.ROOT)));
        organization.createdAt = now;
        return organization;
    }

    boolean hasEmailDomain(String domain) {
        return emailDomains.contains(domain.toLowerCase(Locale.ROOT));
    }

    OrganizationView view() {
        return new OrganizationView(new OrganizationId(id), name, acronym, parentId == null);
    }
}
