package fr.guichet.events;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.administration.Delegation;
import fr.guichet.notification.MailAttachment;
import fr.guichet.notification.Outbox;
import fr.guichet.notification.OutgoingMail;
import fr.guichet.organization.OrganizationId;
import fr.guichet.shared.PublicAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells a person where his registration stands, written to the outbox in the transaction of the move:
 * a confirmed place comes with the convocation (PDF) and the calendar invitation, a change of time or
 * place with a new invitation, a cancellation with the invitation's cancellation. The super admins of
 * an establishment whose agreement is asked are told too.
 */
@Component
class EventMails {

    private final Accounts accounts;
    private final Delegation delegation;
    private final Outbox outbox;
    private final Papers papers;
    private final PublicAddress address;
    private final MessageSource messages;

    EventMails(
            Accounts accounts,
            Delegation delegation,
            Outbox outbox,
            Papers papers,
            PublicAddress address,
            MessageSource messages) {
        this.accounts = accounts;
        this.delegation = delegation;
        this.outbox = outbox;
        this.papers = papers;
        this.address = address;
        this.messages = messages;
    }

    /** A place is his: at once, or {@code promoted} from the waiting list. */
    void confirmed(RegistrationView registration, boolean promoted) {
        send(registration, "event-confirmed", Map.of("promoted", promoted), true, false);
    }

    void waiting(RegistrationView registration, int rank) {
        send(registration, "event-waiting", Map.of("rank", rank), false, false);
    }

    void pending(RegistrationView registration) {
        send(registration, "event-pending", Map.of(), false, false);
        if (registration.establishmentId() == null) {
            return;
        }
        var about = papers.about(registration);
        var person = accounts.find(new AccountId(registration.accountId())).orElseThrow();
        var link = address.link("/organisations/{id}/inscriptions-evenements", registration.establishmentId());
        for (var reader : delegation.superAdminsOf(new OrganizationId(registration.establishmentId()))) {
            accounts.find(reader).filter(p -> p.active()).ifPresent(admin -> {
                var locale = accounts.localeOf(reader);
                var variables = new LinkedHashMap<String, Object>();
                variables.put("name", admin.displayName());
                variables.put("person", person.displayName());
                variables.put("title", about.title());
                variables.put("when", about.when(locale));
                variables.put("link", link);
                outbox.enqueue(new OutgoingMail(admin.email(), locale, "event-approval", variables)
                        .because(new OutgoingMail.Why("mail.event-approval.why", link, null)));
            });
        }
    }

    void refused(RegistrationView registration) {
        send(registration, "event-refused", Map.of(), false, false);
    }

    /** Cancelled by him or an agent, or with its session ({@code sessionCancelled}). */
    void cancelled(RegistrationView registration, boolean sessionCancelled) {
        var heldPlace = registration.status() == RegistrationStatus.CONFIRMED;
        send(registration, "event-cancelled", Map.of("session", sessionCancelled), false, heldPlace);
    }

    void changed(RegistrationView registration) {
        send(registration, "event-changed", Map.of(), true, false);
    }

    void reminder(RegistrationView registration) {
        send(registration, "event-reminder", Map.of(), false, false);
    }

    private void send(
            RegistrationView registration,
            String template,
            Map<String, Object> more,
            boolean invitation,
            boolean cancellation) {
        var person = accounts.find(new AccountId(registration.accountId())).filter(p -> p.active());
        if (person.isEmpty()) {
            return;
        }
        var locale = accounts.localeOf(person.get().id());
        var about = papers.about(registration);
        var link = address.link("/mes-inscriptions");
        var variables = new LinkedHashMap<String, Object>();
        variables.put("name", person.get().displayName());
        variables.put("title", about.title());
        variables.put("kind", messages.getMessage("events.kind." + about.kind().name(), null, locale));
        variables.put("when", about.when(locale));
        variables.put("where", about.where(locale));
        variables.put("link", link);
        variables.putAll(more);
        var mail = new OutgoingMail(person.get().email(), locale, template, variables)
                .because(new OutgoingMail.Why("mail.event-registration.why", link, null));
        if (invitation) {
            mail = mail.withAttachments(List.of(
                    new MailAttachment(
                            file(locale, "convocation", "invitation") + ".pdf",
                            "application/pdf",
                            papers.convocation(registration, locale)),
                    new MailAttachment(
                            "invitation.ics",
                            SessionCalendar.CONTENT_TYPE_REQUEST,
                            papers.invitation(registration, person.get()))));
        } else if (cancellation) {
            mail = mail.withAttachments(List.of(new MailAttachment(
                    "annulation.ics",
                    SessionCalendar.CONTENT_TYPE_CANCEL,
                    papers.cancellation(registration, person.get()))));
        }
        outbox.enqueue(mail);
    }

    private static String file(Locale locale, String french, String english) {
        return "en".equals(locale.getLanguage()) ? english : french;
    }
}
