package fr.guichet.helpdesk.tickets;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.helpdesk.reference.HelpdeskReference;
import fr.guichet.notification.Outbox;
import fr.guichet.notification.OutgoingMail;
import fr.guichet.organization.OrganizationId;
import fr.guichet.shared.PublicAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The e-mails a ticket's acts send, written to the outbox in the transaction of the act: the
 * requester side in the requester's language, the agency's side (a team, a contractor's agents, the
 * handling agent) each in his own.
 */
@Component
class TicketMails {

    private static final int STAFF_PER_MAIL = 10;

    private final Accounts accounts;
    private final HelpdeskReference reference;
    private final Outbox outbox;
    private final PublicAddress address;

    TicketMails(Accounts accounts, HelpdeskReference reference, Outbox outbox, PublicAddress address) {
        this.accounts = accounts;
        this.reference = reference;
        this.outbox = outbox;
        this.address = address;
    }

    void tellHandlingAgent(Ticket ticket, String text) {
        if (ticket.handlingAgentId() != null) {
            tellStaff(ticket, List.of(ticket.handlingAgentId()), text);
        }
    }

    /** The agency's side (agents, a contractor's agents), each in his own language: a ticket waits for them. */
    void tellStaff(Ticket ticket, List<Long> people, String text) {
        // one message to a team (one per language in it), not one per agent: a new ticket is one e-mail to write
        var byLanguage = new LinkedHashMap<Locale, List<String>>();
        for (var person :
                accounts.recipients(people.stream().map(AccountId::new).toList())) {
            byLanguage.computeIfAbsent(person.locale(), l -> new ArrayList<>()).add(person.email());
        }
        // the first of each ten to, the others in copy: an outbox row holds one address in to and a few dozen in copy
        byLanguage.forEach((language, addresses) -> {
            for (var from = 0; from < addresses.size(); from += STAFF_PER_MAIL) {
                var group = addresses.subList(from, Math.min(from + STAFF_PER_MAIL, addresses.size()));
                outbox.enqueue(new OutgoingMail(
                        List.of(group.get(0)),
                        group.subList(1, group.size()),
                        language,
                        "ticket-to-handle",
                        variables(ticket, text)));
            }
        });
    }

    void requesterSide(Ticket ticket, String template, String text) {
        var addresses = new ArrayList<String>();
        var followUp = ticket.followUpEmail();
        if (ticket.establishmentId() != null) {
            // a filer who left the establishment no longer reads its ticket: nor is he told of it at his own address
            var requester = accounts.find(ticket.requester());
            if (requester.isPresent()
                    && requester.get().email().equalsIgnoreCase(followUp)
                    && !accounts.belongsTo(ticket.requester(), new OrganizationId(ticket.establishmentId()))) {
                followUp = null;
            }
        }
        if (followUp != null) {
            addresses.add(followUp);
        }
        if (ticket.establishmentId() != null && ticket.productId() != null) {
            var correspondents = reference.correspondents(
                    new OrganizationId(ticket.establishmentId()), new ProductId(ticket.productId()));
            for (var correspondent : accounts.recipients(
                    correspondents.stream().map(AccountId::new).toList())) {
                if (addresses.stream().noneMatch(correspondent.email()::equalsIgnoreCase)) {
                    addresses.add(correspondent.email());
                }
            }
        }
        if (addresses.isEmpty()) {
            return;
        }
        // in the requester's language, whoever acted
        outbox.enqueue(new OutgoingMail(
                List.of(addresses.get(0)),
                addresses.subList(1, addresses.size()),
                accounts.localeOf(ticket.requester()),
                template,
                variables(ticket, text)));
    }

    private Map<String, Object> variables(Ticket ticket, String text) {
        var link = address.link("/demandes/{id}", ticket.id().value());
        return Map.of(
                "number",
                ticket.id().value(),
                "title",
                ticket.title(),
                "state",
                ticket.state().toString(),
                "text",
                text == null ? "" : text.strip(),
                "link",
                link);
    }
}
