/**
 * Who hears what: each person chooses, kind by kind, whether an event reaches him at once, in his
 * daily digest, or not at all; the modules that tell people of events ask here whom and how.
 * What concerns his account or awaits an action of his cannot be switched off.
 */
@ApplicationModule(
        displayName = "Alerts",
        allowedDependencies = {"account", "account::events", "notification", "shared"})
@NullMarked
package fr.guichet.alerts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
