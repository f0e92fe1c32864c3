/**
 * The public knowledge base: redacted sheets of the tickets the lifecycle publishes, the FAQ, and
 * the search anyone may use without an account.
 */
@ApplicationModule(
        displayName = "Knowledge base",
        allowedDependencies = {"helpdesk", "account", "organization"})
@NullMarked
package fr.guichet.knowledge;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
