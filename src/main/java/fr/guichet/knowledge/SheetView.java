package fr.guichet.knowledge;

import fr.guichet.helpdesk.Nature;
import fr.guichet.helpdesk.Publication;
import fr.guichet.helpdesk.SubStatus;
import fr.guichet.helpdesk.TicketStatus;
import java.time.Instant;

/** A published sheet as the public pages and {@code /api/v1/kb} show it: nothing else of the ticket. */
public record SheetView(
        long number,
        Publication publication,
        TicketStatus status,
        SubStatus subStatus,
        Long productId,
        String productName,
        String versionLabel,
        String fixedVersion,
        String domain,
        Nature nature,
        String messageCode,
        String title,
        String description,
        String answer,
        Instant openedAt,
        Instant answeredAt,
        boolean editedByAgency) {

    /** The start of the description, for a list of results. */
    public String excerpt() {
        return description.length() <= EXCERPT
                ? description
                : description.substring(
                                0,
                                description.lastIndexOf(' ', EXCERPT) > 0
                                        ? description.lastIndexOf(' ', EXCERPT)
                                        : EXCERPT)
                        + " …";
    }

    static final int EXCERPT = 280;
}
