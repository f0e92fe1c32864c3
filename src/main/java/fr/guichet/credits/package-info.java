/**
 * Credits ("Gestion des points"): each organisation's ledger of credits acquired and consumed on the
 * connected services, posted by those services through the API or by agency agents, never edited;
 * the statement supervisors read, export and receive by e-mail; whether a tree draws on one balance.
 */
@ApplicationModule(
        displayName = "Credits",
        allowedDependencies = {"account", "administration::delegation", "notification", "organization"})
@NullMarked
package fr.guichet.credits;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
