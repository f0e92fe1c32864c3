package fr.guichet.access;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.PersonView;
import fr.guichet.account.Recipient;
import fr.guichet.alerts.AlertKind;
import fr.guichet.alerts.Alerts;
import fr.guichet.notification.Outbox;
import fr.guichet.notification.OutgoingMail;
import fr.guichet.shared.PublicAddress;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The e-mails of access requests, written to the outbox in the transaction of the change they report:
 * one message per event, the deciders and the requester all seeing who else received it.
 */
@Component
class AccessMails {

    private final Outbox outbox;
    private final Accounts accounts;
    private final PublicAddress address;

    private final Alerts alerts;

    AccessMails(Outbox outbox, Accounts accounts, PublicAddress address, Alerts alerts) {
        this.alerts = alerts;
        this.outbox = outbox;
        this.accounts = accounts;
        this.address = address;
    }

    /** To the deciders, the requester in copy; false when no decider can be reached. */
    boolean requested(
            Collection<AccountId> deciders,
            PersonView requester,
            ServiceView service,
            String decisionPath,
            Locale locale) {
        var readers = alerts.sort(AlertKind.ACCESS_TO_DECIDE, deciders);
        if (readers.none()) {
            return false;
        }
        Map<String, Object> variables =
                Map.of("requester", requester.displayName(), "service", service.name(), "link", link(decisionPath));
        alerts.hold(AlertKind.ACCESS_TO_DECIDE, readers.digest(), "access-requested", variables);
        var to = readers.immediate().stream().map(Recipient::email).distinct().toList();
        // deciders who read it in their digest leave the requester alone in the message, still told his request left
        outbox.enqueue(
                to.isEmpty()
                        ? new OutgoingMail(requester.email(), locale, "access-requested", variables)
                        : new OutgoingMail(to, List.of(requester.email()), locale, "access-requested", variables));
        return true;
    }

    /** To the requester, every decider in copy. */
    void decided(
            PersonView requester,
            Collection<AccountId> deciders,
            ServiceView service,
            boolean accepted,
            String comment,
            Locale locale) {
        var template = accepted ? "access-accepted" : "access-refused";
        Map<String, Object> variables = Map.of(
                "name",
                requester.displayName(),
                "service",
                service.name(),
                "comment",
                comment == null ? "" : comment,
                "link",
                link(accepted ? "/mes-services" : "/services"));
        // his own request's answer always reaches the requester; the other deciders, as they chose
        var readers = alerts.sort(AlertKind.ACCESS_DECISIONS, deciders);
        alerts.hold(AlertKind.ACCESS_DECISIONS, readers.digest(), template, variables);
        outbox.enqueue(new OutgoingMail(
                List.of(requester.email()),
                readers.immediate().stream()
                        .map(Recipient::email)
                        .filter(e -> !e.equalsIgnoreCase(requester.email()))
                        .distinct()
                        .toList(),
                locale,
                template,
                variables));
    }

    void revoked(PersonView person, ServiceView service, Locale locale) {
        outbox.enqueue(new OutgoingMail(
                person.email(),
                locale,
                "access-revoked",
                Map.of("name", person.displayName(), "service", service.name(), "link", link("/services"))));
    }

    /** Once per establishment while it has no super admin to decide. */
    void noSuperAdmin(List<String> platformAdmins, String establishment, Locale locale) {
        if (!platformAdmins.isEmpty()) {
            outbox.enqueue(new OutgoingMail(
                    platformAdmins,
                    List.of(),
                    locale,
                    "access-no-super-admin",
                    Map.of("establishment", establishment, "link", link("/organisations"))));
        }
    }

    private String link(String path) {
        return address.link(path);
    }
}
