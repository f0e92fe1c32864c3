package fr.guichet.access;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.PersonView;
import fr.guichet.notification.Outbox;
import fr.guichet.notification.OutgoingMail;
import fr.guichet.shared.PublicAddress;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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

    AccessMails(Outbox outbox, Accounts accounts, PublicAddress address) {
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
        var to = emails(deciders);
        if (to.isEmpty()) {
            return false;
        }
        outbox.enqueue(new OutgoingMail(
                to,
                List.of(requester.email()),
                locale,
                "access-requested",
                Map.of("requester", requester.displayName(), "service", service.name(), "link", link(decisionPath))));
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
        outbox.enqueue(new OutgoingMail(
                List.of(requester.email()),
                emails(deciders),
                locale,
                accepted ? "access-accepted" : "access-refused",
                Map.of(
                        "name",
                        requester.displayName(),
                        "service",
                        service.name(),
                        "comment",
                        comment == null ? "" : comment,
                        "link",
                        link(accepted ? "/mes-services" : "/services"))));
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

    private List<String> emails(Collection<AccountId> people) {
        return people.stream()
                .map(accounts::find)
                .flatMap(Optional::stream)
                .filter(PersonView::active)
                .map(PersonView::email)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }

    private String link(String path) {
        return address.link(path);
    }
}
