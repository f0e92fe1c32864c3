package fr.guichet.helpdesk.tickets;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.alerts.AlertKind;
import fr.guichet.alerts.Alerts;
import fr.guichet.helpdesk.Action;
import fr.guichet.helpdesk.Actor;
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
import org.jspecify.annotations.Nullable;
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
    private final Alerts alerts;

    TicketMails(Accounts accounts, HelpdeskReference reference, Outbox outbox, PublicAddress address, Alerts alerts) {
        this.alerts = alerts;
        this.accounts = accounts;
        this.reference = reference;
        this.outbox = outbox;
        this.address = address;
    }

    /** A new ticket: its requester side, and the handling team at once; with no team yet, the agency's platform admins who dispatch. */
    void filed(Ticket ticket, String description) {
        requesterSide(ticket, "ticket-filed", null);
        var team = ticket.handling().team();
        var handlers = team != null
                ? reference.teamMembers(team)
                : accounts.platformAdmins().stream().map(AccountId::value).toList();
        tellStaff(ticket, handlers, description);
    }

    /**
     * An act of the lifecycle: the requester side (told that the ticket moved, not what the agency
     * wrote for itself), and on the agency's side whom the act concerns: the handling agent when the
     * requester or the contractor acted, the company a ticket is handed to, the team it is dispatched
     * to, the agent it is assigned to by someone else.
     */
    void acted(Ticket ticket, Action action, Actor actor, @Nullable AccountId by, @Nullable String text) {
        requesterSide(ticket, "ticket-changed", TicketJournal.INTERNAL.contains(action) ? null : text);
        if (actor == Actor.REQUESTER || actor == Actor.CONTRACTOR) {
            tellHandlingAgent(ticket, text);
        }
        var contractor = ticket.handling().contractor();
        if (action == Action.HAND_TO_CONTRACTOR && contractor != null) {
            tellStaff(ticket, reference.contractorAgents(contractor), text);
        }
        var team = ticket.handling().team();
        if (action == Action.DISPATCH && team != null) {
            tellStaff(ticket, reference.teamMembers(team), text);
        }
        var agent = ticket.handling().agent();
        if (action == Action.TAKE && agent != null && (by == null || agent != by.value())) {
            tellStaff(ticket, List.of(agent), text);
        }
    }

    void tellHandlingAgent(Ticket ticket, @Nullable String text) {
        if (ticket.handling().agent() != null) {
            tellStaff(ticket, List.of(ticket.handling().agent()), text);
        }
    }

    /**
     * The agency's side (agents, a contractor's agents), each in his own language: a ticket waits
     * for them, or, when the site's act closed it (a validated solution), it waits for nobody.
     */
    private void tellStaff(Ticket ticket, List<Long> people, @Nullable String text) {
        var template = ticket.state().status().open() ? "ticket-to-handle" : "ticket-closed";
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
                        template,
                        variables(ticket, text, false)));
            }
        });
    }

    /**
     * The requester side: his follow-up address and the site's correspondents, one message, each
     * reader as he chose (alerts). What waits for the site always reaches the requester at once; his
     * follow-up address, when it is not his own, was given for this ticket and is always written to.
     */
    void requesterSide(Ticket ticket, String template, @Nullable String text) {
        var variables = variables(ticket, text, true);
        var addresses = new ArrayList<String>();
        var followUp = ticket.followUpEmail();
        var requester = accounts.find(ticket.requester());
        var ownAddress = requester.isPresent() && requester.get().email().equalsIgnoreCase(followUp);
        if (ownAddress && ticket.establishmentId() != null) {
            // a filer who left the establishment no longer reads its ticket: nor is he told of it at his own address
            if (!accounts.belongsTo(ticket.requester(), new OrganizationId(ticket.establishmentId()))) {
                followUp = null;
            }
        }
        if (followUp != null && ownAddress && !ticket.state().waitsForSite()) {
            var readers = alerts.sort(AlertKind.MY_TICKETS, List.of(ticket.requester()));
            alerts.hold(AlertKind.MY_TICKETS, readers.digest(), template, variables);
            if (readers.immediate().isEmpty()) {
                followUp = null;
            }
        }
        if (followUp != null) {
            addresses.add(followUp);
        }
        if (ticket.establishmentId() != null && ticket.productId() != null) {
            var correspondents = reference.correspondents(
                    new OrganizationId(ticket.establishmentId()), new ProductId(ticket.productId()));
            var readers = alerts.sort(
                    AlertKind.SITE_TICKETS,
                    correspondents.stream()
                            .map(AccountId::new)
                            .filter(c -> !c.equals(ticket.requester()))
                            .toList());
            for (var correspondent : readers.immediate()) {
                if (addresses.stream().noneMatch(correspondent.email()::equalsIgnoreCase)) {
                    addresses.add(correspondent.email());
                }
            }
            alerts.hold(AlertKind.SITE_TICKETS, readers.digest(), template, variables);
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
                variables));
    }

    /** What a ticket's e-mail says of it: its state with its meaning, to the site as addressed to it. */
    private Map<String, Object> variables(Ticket ticket, @Nullable String text, boolean requesterSide) {
        var link = address.link("/demandes/{id}", ticket.id().value());
        return Map.of(
                "meaning",
                ticket.state().meaningKey(requesterSide),
                "number",
                ticket.id().value(),
                "title",
                ticket.statement().title(),
                "state",
                ticket.state().toString(),
                "text",
                text == null ? "" : text.strip(),
                "link",
                link);
    }
}
