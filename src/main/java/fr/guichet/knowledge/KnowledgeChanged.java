package fr.guichet.knowledge;

import fr.guichet.account.AccountId;
import java.time.Instant;

/**
 * Staff changed what the public reads: a published sheet rewritten or withdrawn, an FAQ section or
 * question added, changed or deleted. {@code what} names the act (SHEET_REWRITTEN…), {@code subject}
 * what it was done to. The audit keeps it.
 */
public record KnowledgeChanged(AccountId actor, String what, String subject, Instant occurredAt) {}
