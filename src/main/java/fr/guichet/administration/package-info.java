/**
 * Delegated administration: who holds which admin and supervision rights and service roles in
 * which organisation, the super admins of each establishment, and the pages and API with which
 * establishments run their own tree of organisations and people. Other modules ask
 * {@link Delegation} (the named interface {@code delegation}) and hear the administration's acts
 * (the named interface {@code events}).
 */
@ApplicationModule(
        displayName = "Administration",
        allowedDependencies = {"account", "account::events", "organization", "helpdesk"})
@NullMarked
package fr.guichet.administration;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
