/**
 * The agency's events ("événements"): trainings, seminars, webinars and user groups, from their
 * publication to the attendance certificate. Members register for a session, wait in order when it
 * is full, receive a convocation (PDF and calendar invitation) and a reminder; organisers record
 * attendance in the room; certificates carry a code anyone can check.
 */
@ApplicationModule(
        displayName = "Events",
        allowedDependencies = {
            "access",
            "account",
            "administration::delegation",
            "helpdesk",
            "news",
            "notification",
            "organization"
        })
@NullMarked
package fr.guichet.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
