/**
 * The service catalogue, access requests and grants: a member asks for a service, his
 * establishment's super admins decide (or the agency, or nobody for open services), the grant
 * opens the service's document space; favourites, "Mes outils et services", the establishment's
 * own tools and hidden services, and the super admins' access review.
 */
@ApplicationModule(
        displayName = "Access",
        allowedDependencies = {
            "account",
            "account::events",
            "alerts",
            "organization",
            "notification",
            "administration::delegation",
            "administration::events",
            "documents::audience"
        })
@NullMarked
package fr.guichet.access;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
