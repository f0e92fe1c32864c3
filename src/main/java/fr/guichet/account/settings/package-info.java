/**
 * "Mon compte": what a signed-in person changes about himself (details, address, password,
 * preferences), the download of his personal data, the page of his API tokens, and {@code /api/v1/me};
 * and what every page's header shows of him, with the switch between his organisations.
 */
@ApplicationModule(
        displayName = "Accounts: settings",
        allowedDependencies = {
            "account",
            "account::events",
            "account.security",
            "account.registration",
            "account.places",
            "organization",
            "notification"
        })
@NullMarked
package fr.guichet.account.settings;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
