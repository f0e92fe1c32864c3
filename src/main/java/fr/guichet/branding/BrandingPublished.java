package fr.guichet.branding;

import java.time.Instant;

/** Someone published an organisation's draft branding: who, where, from which address, when (for the audit). */
public record BrandingPublished(long actorId, long organizationId, String sourceAddress, Instant occurredAt) {}
