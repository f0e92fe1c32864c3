/**
 * Getting an account or back into it through a link sent by e-mail: for now the forgotten password
 * and its reset; registration and activation still live in the account module's root.
 */
@ApplicationModule(
        displayName = "Accounts: registration",
        allowedDependencies = {"account", "account.security", "notification"})
@NullMarked
package fr.guichet.account.registration;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
