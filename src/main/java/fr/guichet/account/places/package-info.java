/**
 * Places (issue "Mes préférences « Lieu d'exécution »", seed 002): France's régions and
 * départements with their INSEE codes, the other countries, a person's chosen places on
 * {@code /compte/lieux}, and who is concerned by places an announcement targets ({@link
 * fr.guichet.account.places.Places#peopleConcernedBy}). See docs/places.md.
 */
@ApplicationModule(
        displayName = "Accounts: places",
        allowedDependencies = {"account", "organization"})
@NullMarked
package fr.guichet.account.places;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
