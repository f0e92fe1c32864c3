package fr.guichet.helpdesk;

import fr.guichet.account.AccountId;
import java.time.Instant;

/**
 * Staff changed the helpdesk's reference data (a product, a correspondent, a category, a team, a
 * service commitment, a closure period…): {@code what} names the act (PRODUCT_CREATED…),
 * {@code subject} what it was done to, {@code detail} the values that matter. The audit keeps it.
 */
public record ReferenceDataChanged(AccountId actor, String what, String subject, String detail, Instant occurredAt) {}
