/**
 * Who is signed in, and how: the two filter chains (pages with a session and form sign-in, the API
 * with Bearer tokens), the rules that belong to no module (static assets, errors, API documentation,
 * actuator) before each module's own and, after them, the areas several modules share for the
 * requests no endpoint answers, the throttle of failed sign-ins, the absolute end of a session, the
 * API tokens that stand for a person in the API, the rules a new password must meet, and the random
 * secrets of links and tokens, of which only a hash is stored.
 */
@ApplicationModule(
        displayName = "Accounts: security",
        allowedDependencies = {"account", "account::events"})
@NullMarked
package fr.guichet.account.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
