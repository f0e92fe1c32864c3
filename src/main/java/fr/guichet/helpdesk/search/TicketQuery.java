package fr.guichet.helpdesk.search;

import fr.guichet.helpdesk.SearchRefused;
import fr.guichet.helpdesk.TicketId;
import fr.guichet.helpdesk.TicketStatus;
import fr.guichet.shared.SearchAnalysis;
import java.time.LocalDate;

/**
 * A search of the tickets a person may see: words (or a number) in the title, description or
 * message code, and filters; everything optional.
 */
public record TicketQuery(
        String words,
        Long product,
        TicketStatus status,
        TicketStatus.DashboardGroup group,
        Kind kind,
        String contact,
        LocalDate openedFrom,
        LocalDate openedTo,
        int page) {

    static final int PAGE_SIZE = 25;
    /** Beyond 10,000 results, a search is to be narrowed, not paged: deep pages cost the index every result before them. */
    static final int LAST_PAGE = 399;

    /** Level-2 ticket or simple request. */
    public enum Kind {
        LEVEL_TWO,
        SIMPLE
    }

    public TicketQuery {
        words = blankToNull(words);
        contact = blankToNull(contact);
        page = Math.min(Math.max(page, 0), LAST_PAGE);
        if (words != null && words.length() > SearchAnalysis.MAX_QUERY_LENGTH) {
            throw new SearchRefused("helpdesk.search.words-too-long", SearchAnalysis.MAX_QUERY_LENGTH);
        }
    }

    static TicketQuery everything(int page) {
        return new TicketQuery(null, null, null, null, null, null, null, null, page);
    }

    /** The words as a ticket number ("1234", "#1234"), if they are one. */
    public Long number() {
        return TicketId.quoted(words).map(TicketId::value).orElse(null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
