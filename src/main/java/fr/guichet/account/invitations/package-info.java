/**
 * An organisation's invitations: the link with which a person the admins created chooses his
 * password, and the offer to join that someone who already has an account accepts or declines.
 */
@ApplicationModule(
        displayName = "Accounts: invitations",
        allowedDependencies = {
            "account",
            "account::events",
            "account.registration",
            "account.security",
            "organization",
            "notification"
        })
@NullMarked
package fr.guichet.account.invitations;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
