/**
 * The tree of organisations; a top-level organisation is a member establishment.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisations")
package fr.guichet.organization;
