package fr.guichet.helpdesk;

import fr.guichet.shared.TypedId;
import java.util.Optional;

/** A ticket's number, as people quote it ("DA n° 1234"). */
public record TicketId(long value) implements TypedId {

    /** The words, when they are a ticket's number as people type it in a search ("1234", "#1234"). */
    public static Optional<TicketId> quoted(String words) {
        if (words == null) {
            return Optional.empty();
        }
        var digits = words.strip().startsWith("#") ? words.strip().substring(1) : words.strip();
        return digits.matches("\\d{1,18}") ? Optional.of(new TicketId(Long.parseLong(digits))) : Optional.empty();
    }
}
