package fr.guichet.knowledge;

import fr.guichet.account.Accounts;
import fr.guichet.account.PersonView;
import fr.guichet.helpdesk.PublishableTicket;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import org.springframework.stereotype.Component;

/** Gathers whose names and which establishment a ticket's redaction removes, and applies it. */
@Component
class Redactor {

    /** Beyond this many namesakes, the rarest words of a text are not people's names anyway. */
    private static final int KNOWN_PEOPLE = 500;

    private final Accounts accounts;
    private final Organizations organizations;

    Redactor(Accounts accounts, Organizations organizations) {
        this.accounts = accounts;
        this.organizations = organizations;
    }

    RedactedTicket redact(PublishableTicket ticket) {
        var involved = new ArrayList<Redaction.Person>();
        for (var id : ticket.people()) {
            accounts.find(id).ifPresent(p -> involved.add(person(p)));
        }
        var words = new LinkedHashSet<String>();
        for (var text : new String[] {ticket.title(), ticket.description(), ticket.answer()}) {
            if (text != null) {
                var matcher = Redaction.CANDIDATE.matcher(text);
                while (matcher.find()) {
                    words.add(matcher.group());
                }
            }
        }
        var known = accounts.withLastNameIn(words, KNOWN_PEOPLE).stream().map(Redactor::person).toList();
        var establishment = new ArrayList<String>();
        if (ticket.establishmentId() != null) {
            organizations.find(new OrganizationId(ticket.establishmentId())).ifPresent(o -> {
                establishment.add(o.name());
                establishment.add(o.acronym());
            });
        }
        var redaction = new Redaction(involved, known, establishment);
        return new RedactedTicket(ticket.number().value(), ticket.publication(), ticket.state(), ticket.productId(),
                ticket.productName(), ticket.versionLabel(), ticket.fixedVersion(), ticket.domain(),
                ticket.nature(), ticket.messageCode(), redaction.redact(ticket.title()), redaction.redact(ticket.description()),
                redaction.redact(ticket.answer()), ticket.openedAt(), ticket.answeredAt());
    }

    private static Redaction.Person person(PersonView view) {
        return new Redaction.Person(view.firstName(), view.lastName());
    }

}
