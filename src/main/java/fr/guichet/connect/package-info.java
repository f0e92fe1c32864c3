/**
 * Connected services: Guichet as the OpenID Connect provider of the catalogue's services (Spring
 * Authorization Server). A platform admin registers a service as a client; its ID token and userinfo
 * say for which organisation the person acts, his roles in that service and his grant; a person
 * without a grant is turned back at the authorisation step. Grant and role changes reach the service
 * by signed webhooks, through an outbox.
 */
@ApplicationModule(
        displayName = "Connected services",
        allowedDependencies = {
            "account",
            "access",
            "administration::delegation",
            "administration::events",
            "organization"
        })
@NullMarked
package fr.guichet.connect;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
