/**
 * Tickets and what happens to them: filing (level 2, simple request, on behalf of a site), the
 * lifecycle's acts and the side acts (complement, requalification, links, deadlines), the exchanges
 * kept of every act and the mails that report them, who reaches which ticket, attachments and
 * bookmarks, the daily clock that reminds and closes quiet tickets; the ticket pages and
 * {@code /api/v1/tickets}. Other modules see only its named interface {@code search} (the ticket
 * entity to index and load, and who reaches which ticket); its other public types are public for
 * its own {@code web} package.
 */
@ApplicationModule(
        displayName = "Helpdesk > Tickets",
        allowedDependencies = {
            "helpdesk",
            "helpdesk.reference",
            "helpdesk.calendar",
            "account",
            "alerts",
            "organization",
            "documents",
            "notification",
            "shared"
        })
@NullMarked
package fr.guichet.helpdesk.tickets;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
