/**
 * The append-only trail of every security-relevant act: who, when, from where, what, on what.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package fr.guichet.audit;
