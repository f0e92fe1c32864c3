/**
 * The helpdesk: tickets filed in a category tree, handled through the agency's lifecycle by its
 * agents and contractors, on a business-day clock. This package is what other modules may use: the
 * ids, the states and their meaning, the events a ticket or the reference data leaves, what the
 * knowledge base may publish, and the setting-up of installation and demo data. The rooms are nested
 * modules: {@code tickets}, {@code reference}, {@code calendar}, {@code search}.
 */
@ApplicationModule(
        displayName = "Helpdesk",
        allowedDependencies = {"account", "organization", "documents", "shared"})
@NullMarked
package fr.guichet.helpdesk;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
