/**
 * The tree of organisations; a top-level organisation is a member establishment.
 */
@ApplicationModule(displayName = "Organisations", allowedDependencies = {})
package fr.guichet.organization;

import org.springframework.modulith.ApplicationModule;
