/**
 * A person's request that his personal data be erased (RGPD, right to erasure): he asks from "Mon
 * compte", the platform administrators execute it (the anonymisation the retention job applies) or
 * refuse it with a reason, and he is told by e-mail either way.
 */
@ApplicationModule(
        displayName = "Accounts: erasure requests",
        allowedDependencies = {"account", "account::events", "organization", "notification"})
@NullMarked
package fr.guichet.account.erasure;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
