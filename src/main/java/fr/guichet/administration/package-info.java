/**
 * Delegated administration (seed 004): who holds which admin and supervision rights and service
 * roles in which organisation, the super admins of each establishment, and the pages and API
 * with which establishments run their own tree of organisations and people.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Administration")
package fr.guichet.administration;
