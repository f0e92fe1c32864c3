/**
 * Signing in through an establishment's CAS server (Apereo CAS protocol 3): the browser goes to its
 * login page with the portal's return address, and comes back with a service ticket the portal
 * validates with the server itself, receiving the person's name and attributes.
 */
@ApplicationModule(
        displayName = "Federation: CAS",
        allowedDependencies = {"federation", "account", "shared"})
@NullMarked
package fr.guichet.federation.cas;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
