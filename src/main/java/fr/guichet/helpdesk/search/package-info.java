/**
 * Finding tickets: the private ticket index, the search with its filters and the dashboards, each
 * query filtered by what the reader reaches, so that a page of results and its total hold only
 * tickets he may open.
 */
@ApplicationModule(
        displayName = "Helpdesk > Search",
        allowedDependencies = {
            "helpdesk",
            "helpdesk.tickets :: search",
            "helpdesk.reference",
            "helpdesk.calendar",
            "account",
            "organization",
            "shared"
        })
@NullMarked
package fr.guichet.helpdesk.search;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
