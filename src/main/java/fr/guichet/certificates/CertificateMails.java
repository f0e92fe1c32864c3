package fr.guichet.certificates;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.administration.Delegation;
import fr.guichet.notification.Outbox;
import fr.guichet.notification.OutgoingMail;
import fr.guichet.organization.OrganizationView;
import fr.guichet.shared.PublicAddress;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Tells the organisation's administrators (and whoever asked) where a certificate request stands,
 * and warns them before one of its certificates expires. Written to the outbox in the transaction
 * of what it tells, so nothing is told that did not happen, nor twice.
 */
@Component
class CertificateMails {

    private static final DateTimeFormatter FRENCH_DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Delegation delegation;
    private final Accounts accounts;
    private final Outbox outbox;
    private final PublicAddress address;
    private final ZoneId zone;

    CertificateMails(
            Delegation delegation,
            Accounts accounts,
            Outbox outbox,
            PublicAddress address,
            @Value("${guichet.time-zone:Europe/Paris}") ZoneId zone) {
        this.delegation = delegation;
        this.accounts = accounts;
        this.outbox = outbox;
        this.address = address;
        this.zone = zone;
    }

    void moved(CertificateRequest request, OrganizationView organization) {
        var link = address.link(
                "/organisations/{id}/certificats", organization.id().value());
        var readers = new LinkedHashSet<>(delegation.administratorsOf(organization.id()));
        // whoever asked hears of it while he still administers it, not after he has left
        var requester = new AccountId(request.requestedBy());
        if (delegation.administers(requester, organization.id())) {
            readers.add(requester);
        }
        for (var reader : readers) {
            accounts.find(reader).filter(p -> p.active()).ifPresent(person -> {
                var variables = new LinkedHashMap<String, Object>();
                variables.put("name", person.displayName());
                variables.put("organization", organization.name());
                variables.put("number", request.id());
                variables.put("day", day(request.requestedAt()));
                variables.put("status", request.status().name());
                variables.put("recipient", request.recipient());
                variables.put("supports", request.supports());
                variables.put("support", request.support().name());
                variables.put("link", link);
                outbox.enqueue(
                        new OutgoingMail(person.email(), accounts.localeOf(reader), "certificate-request", variables)
                                .because(new OutgoingMail.Why("mail.certificate-request.why", link, null)));
            });
        }
    }

    /** Returns how many were told. */
    int expiring(HeldCertificate certificate, OrganizationView organization, long daysLeft) {
        var link = address.link(
                "/organisations/{id}/certificats", organization.id().value());
        var told = 0;
        for (var reader : delegation.administratorsOf(organization.id())) {
            var person = accounts.find(reader).filter(p -> p.active());
            if (person.isEmpty()) {
                continue;
            }
            var variables = new LinkedHashMap<String, Object>();
            variables.put("name", person.get().displayName());
            variables.put("organization", organization.name());
            variables.put("subject", certificate.subject());
            variables.put("serial", certificate.serial());
            variables.put("day", day(certificate.notAfter()));
            variables.put("days", daysLeft);
            variables.put("link", link);
            outbox.enqueue(
                    new OutgoingMail(person.get().email(), accounts.localeOf(reader), "certificate-expiring", variables)
                            .because(new OutgoingMail.Why("mail.certificate-expiring.why", link, null)));
            told++;
        }
        return told;
    }

    private String day(Instant instant) {
        return FRENCH_DAY.format(instant.atZone(zone));
    }
}
