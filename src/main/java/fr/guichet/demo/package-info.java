/**
 * Demo data of the embedded default: establishments with e-mail domains, a platform admin and
 * members, so that a newcomer sees a living portal. Never in production.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package fr.guichet.demo;
