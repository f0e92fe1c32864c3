/**
 * The business-day clock: weekends, French public holidays and the agency's closure periods (kept
 * by its platform admins), and the dates a ticket is due by — its first reply, the reminder and the
 * automatic closure while it waits for the site.
 */
@ApplicationModule(
        displayName = "Helpdesk > Calendar",
        allowedDependencies = {"helpdesk", "helpdesk.reference", "account", "shared"})
@NullMarked
package fr.guichet.helpdesk.calendar;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
