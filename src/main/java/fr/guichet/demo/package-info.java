/**
 * Demo data of the embedded default: establishments with e-mail domains, a platform admin and
 * members, so that a newcomer sees a living portal. Never in production.
 */
@ApplicationModule(
        displayName = "Demo data",
        allowedDependencies = {
            "account",
            "organization",
            "administration::delegation",
            "access",
            "credits",
            "branding",
            "certificates",
            "events",
            "helpdesk",
            "knowledge",
            "news",
            "releases"
        })
@NullMarked
package fr.guichet.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
