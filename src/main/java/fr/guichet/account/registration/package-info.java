/**
 * Getting an account or back into it through a link sent by e-mail: registration in three steps,
 * activation, the forgotten password and its reset; the single-use links themselves, and how many
 * account e-mails one address may receive.
 */
@ApplicationModule(
        displayName = "Accounts: registration",
        allowedDependencies = {"account", "account::events", "account.security", "organization", "notification"})
@NullMarked
package fr.guichet.account.registration;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
