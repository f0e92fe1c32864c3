package fr.guichet.certificates;

import fr.guichet.account.AccountId;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The platform's own setting-up (the demo data): a request as an administrator would make it. */
@Service
public class CertificatesSetup {

    private final Certificates certificates;
    private final Organizations organizations;

    CertificatesSetup(Certificates certificates, Organizations organizations) {
        this.certificates = certificates;
        this.organizations = organizations;
    }

    /** A request for the organisation's certificate on a USB key, as the requester's form would send it. */
    @Transactional
    public void request(
            AccountId requester,
            OrganizationId organization,
            String recipient,
            String address,
            String postalCode,
            String city,
            int supports) {
        certificates.request(
                requester,
                organizations.find(organization).orElseThrow(),
                new RequestForm(
                        recipient, address, null, postalCode, city, Support.USB_KEY.name(), Integer.toString(supports)),
                "demo");
    }
}
