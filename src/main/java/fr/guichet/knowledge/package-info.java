/**
 * The public knowledge base (seed 001 "La base de connaissance", seed 003 FAQ): redacted sheets of
 * the tickets the lifecycle publishes, the FAQ, and the search anyone may use without an account.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge base")
package fr.guichet.knowledge;
