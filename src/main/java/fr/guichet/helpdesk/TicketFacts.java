package fr.guichet.helpdesk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the statistics count of a ticket, as it stands now: where it was filed, what it is about,
 * its status and the moments of its first reply and closure. Read in pages by number for a recount.
 */
public interface TicketFacts {

    /** A ticket's countable facts; an agency ticket has no establishment, an unqualified one no priority or nature. */
    record Fact(
            TicketId id,
            @Nullable Long establishmentId,
            @Nullable Long productId,
            TicketStatus status,
            @Nullable Priority priority,
            @Nullable Nature nature,
            Instant createdAt,
            @Nullable Instant firstRepliedAt,
            @Nullable Instant closedAt) {}

    /** The agency's business-day clock and service commitments, read once for many tickets. */
    interface Clockwork {

        /** The business days after the filing day up to the given day, included. */
        int businessDaysBetween(LocalDate filed, LocalDate done);

        /** Within how many business days the agency promises a first reply; no priority reads as non-blocking. */
        int firstReplyDays(@Nullable Priority priority);
    }

    Optional<Fact> find(TicketId id);

    /** Today's calendar and commitments. */
    Clockwork clockwork();

    /** The tickets numbered after {@code lastId}, in number order, at most {@code limit}. */
    List<Fact> after(long lastId, int limit);

    /** The products' names, by id. */
    Map<Long, String> productNames();
}
