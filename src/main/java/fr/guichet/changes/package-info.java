/**
 * Correspondents' change requests: what a correspondent asks to change in his establishment's data
 * (so far, the installed version of a product), kept as the data was and as he wants it until an
 * agent of the agency validates it, applied through the reference data's own services, or refuses
 * it with a reason. Either way the requester and the establishment's other correspondents of the
 * product are told, and the trail keeps it. The correspondent's space ({@code /espace-correspondant})
 * sums up his products and his requests; the agency's queue is {@code /agence/modifications}.
 */
@ApplicationModule(
        displayName = "Change requests",
        allowedDependencies = {"helpdesk", "account", "alerts", "organization", "documents", "notification", "shared"})
@NullMarked
package fr.guichet.changes;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
