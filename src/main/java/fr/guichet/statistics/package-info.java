/**
 * Statistics: daily counts per organisation kept as things happen (access requests and grants,
 * tickets, sign-ins and active people, the counts connected services push), summed over an
 * organisation's subtree and a period for the supervisors' and the agency's pages, their CSV export
 * and print view. A one-time recount fills in what predates the counting.
 */
@ApplicationModule(
        displayName = "Statistics",
        allowedDependencies = {
            "account",
            "account::events",
            "access",
            "administration::delegation",
            "helpdesk",
            "organization",
            "shared"
        })
@NullMarked
package fr.guichet.statistics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
