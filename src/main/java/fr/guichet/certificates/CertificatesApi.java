package fr.guichet.certificates;

import fr.guichet.account.SignedInPerson;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.OrganizationView;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.NotFoundException;
import fr.guichet.shared.ServiceCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The certificates an organisation's bids are to be encrypted with, for the procurement service
 * (client credentials, scope {@code certificates}) and the organisation's administrators: its own
 * and those it inherits, each with its PEM.
 */
@RestController
@RequestMapping("/api/v1/organizations/{id}/encryption-certificates")
@Tag(name = "Encryption certificates")
class CertificatesApi {

    private final Certificates certificates;
    private final CertificateAccess access;
    private final Organizations organizations;

    CertificatesApi(Certificates certificates, CertificateAccess access, Organizations organizations) {
        this.certificates = certificates;
        this.access = access;
        this.organizations = organizations;
    }

    record CertificateAnswer(
            long id,
            long holderId,
            boolean inherited,
            String origin,
            String subject,
            String issuer,
            String serial,
            Instant notBefore,
            Instant notAfter,
            String key,
            List<KeyUse> keyUses,
            String sha256,
            String pem) {}

    @GetMapping
    @Operation(
            summary = "Every valid certificate the organisation's bids are to be encrypted with: its own and those "
                    + "it inherits from the organisations above it (connected services with the certificates "
                    + "scope, the organisation's administrators, agents); expired ones are left out")
    List<CertificateAnswer> list(@AuthenticationPrincipal Object caller, @PathVariable("id") long id) {
        var organization = caller instanceof SignedInPerson person
                ? access.manageable(person.accountId(), new OrganizationId(id))
                : readableByService(caller, id);
        var now = certificates.now();
        return certificates.effective(organization).stream()
                .filter(c -> !c.expired(now))
                .map(c -> new CertificateAnswer(
                        c.id(),
                        c.holderId(),
                        c.inheritedBy(id),
                        c.origin().name(),
                        c.subject(),
                        c.issuer(),
                        c.serial(),
                        c.notBefore(),
                        c.notAfter(),
                        c.key(),
                        c.keyUses(),
                        c.sha256(),
                        c.pem()))
                .toList();
    }

    private OrganizationView readableByService(@Nullable Object caller, long id) {
        if (!(caller instanceof ServiceCaller service && service.may(ServiceCaller.CERTIFICATES))) {
            throw new AccessDeniedException("only a connected service with the certificates scope");
        }
        return organizations.find(new OrganizationId(id)).orElseThrow(NotFoundException::new);
    }
}
