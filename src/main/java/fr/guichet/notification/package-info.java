/**
 * E-mail: an outbox written in the transaction of the change it reports, and one dispatcher
 * that delivers it over SMTP with retries.
 */
@ApplicationModule(
        displayName = "Notifications",
        allowedDependencies = {})
@NullMarked
package fr.guichet.notification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
