package fr.guichet.knowledge;

import fr.guichet.account.Accounts;
import fr.guichet.account.PersonView;
import fr.guichet.helpdesk.PublishableTicket;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
        var involved =
                accounts.find(ticket.people()).stream().map(Redactor::person).toList();
        // capitalised words, and pairs of them ("Da Silva", "Le Gall"), as a last name may be written
        var words = new LinkedHashSet<String>();
        for (var text : new String[] {ticket.title(), ticket.description(), ticket.answer()}) {
            if (text != null) {
                var matcher = Redaction.CANDIDATE.matcher(text);
                String previous = null;
                int previousEnd = -1;
                while (matcher.find()) {
                    var word = matcher.group().replace('’', '\'');
                    words.add(word);
                    if (previous != null
                            && text.substring(previousEnd, matcher.start()).isBlank()) {
                        words.add(previous + " " + word);
                    }
                    previous = word;
                    previousEnd = matcher.end();
                }
            }
        }
        var known = accounts.withLastNameIn(words, KNOWN_PEOPLE).stream()
                .map(Redactor::person)
                .toList();
        var establishment = new ArrayList<String>();
        if (ticket.establishmentId() != null) {
            organizations.find(new OrganizationId(ticket.establishmentId())).ifPresent(o -> {
                establishment.add(o.name());
                establishment.add(o.acronym());
            });
        }
        var redaction = new Redaction(
                involved,
                known,
                establishment,
                ticket.internalReference() == null ? List.of() : List.of(ticket.internalReference()));
        return new RedactedTicket(
                ticket.number().value(),
                ticket.publication(),
                ticket.state(),
                ticket.productId(),
                ticket.productName(),
                ticket.versionLabel(),
                ticket.fixedVersion(),
                ticket.domain(),
                ticket.nature(),
                ticket.messageCode(),
                fit(redaction.redact(ticket.title()), Sheet.TITLE_LIMIT),
                fit(redaction.redact(ticket.description()), Sheet.TEXT_LIMIT),
                fit(redaction.redact(ticket.answer()), Sheet.TEXT_LIMIT),
                ticket.openedAt(),
                ticket.answeredAt(),
                RedactedTicket.digest(ticket.title(), ticket.description(), ticket.answer()));
    }

    /** Redaction lengthens what it replaces ("[adresse électronique]"): a text at its limit could overflow its column. */
    private static String fit(String text, int limit) {
        return text == null || text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }

    private static Redaction.Person person(PersonView view) {
        return new Redaction.Person(view.firstName(), view.lastName());
    }
}
