/**
 * The tree of organisations; a top-level organisation is a member establishment.
 */
@ApplicationModule(
        displayName = "Organisations",
        allowedDependencies = {})
@NullMarked
package fr.guichet.organization;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
