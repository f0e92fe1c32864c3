/**
 * E-mail: an outbox written in the transaction of the change it reports, and one dispatcher
 * that delivers it over SMTP with retries.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package fr.guichet.notification;
