package fr.guichet.certificates;

import fr.guichet.account.AccountId;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.OrganizationHomePart;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The "Certificats de chiffrement" entry of an organisation's home page, and what its administrators
 * must know there: rights wait for a certificate request, or a certificate comes to its end.
 */
@Component
class CertificatesHome implements OrganizationHomePart {

    /** What the home page says: whether rights wait for a request, and the certificates near their end. */
    public record Notice(long organizationId, boolean awaitsRequest, boolean awaitsParent, List<Ending> ending) {}

    /** A certificate near its end (or past it), and its last day. */
    public record Ending(String subject, String serial, LocalDate day, boolean expired) {}

    private final CertificateAccess access;
    private final Certificates certificates;
    private final ExpiryWarnings warnings;
    private final Organizations organizations;

    CertificatesHome(
            CertificateAccess access, Certificates certificates, ExpiryWarnings warnings, Organizations organizations) {
        this.access = access;
        this.certificates = certificates;
        this.warnings = warnings;
        this.organizations = organizations;
    }

    @Override
    public List<Entry> entries(long viewer, long organization) {
        return access.mayManage(new AccountId(viewer), new OrganizationId(organization))
                ? List.of(new Entry("certificates.heading", "/organisations/" + organization + "/certificats", 35))
                : List.of();
    }

    @Override
    public String template() {
        return "certificates/home";
    }

    @Override
    public Optional<Object> section(long viewer, long organization, Locale locale) {
        if (!access.mayManage(new AccountId(viewer), new OrganizationId(organization))) {
            return Optional.empty();
        }
        return organizations.find(new OrganizationId(organization)).flatMap(o -> {
            var now = certificates.now();
            var ending = certificates.effective(o).stream()
                    .filter(c -> warnings.near(c, now))
                    .map(c -> new Ending(c.subject(), c.serial(), certificates.day(c.notAfter()), c.expired(now)))
                    .toList();
            var awaited = certificates.awaitedRequest(organization);
            return awaited.isPresent() || !ending.isEmpty()
                    ? Optional.of(new Notice(
                            organization,
                            awaited.filter(a -> a == organization).isPresent(),
                            awaited.filter(a -> a != organization).isPresent(),
                            ending))
                    : Optional.empty();
        });
    }
}
