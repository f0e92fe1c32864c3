package fr.guichet.branding;

import java.time.Instant;

/**
 * Someone erased every customisation of an organisation (draft, published, images): it shows its
 * nearest ancestor's branding again, or none. Who, where, from which address, when (for the audit).
 */
public record BrandingReset(long actorId, long organizationId, String sourceAddress, Instant occurredAt) {}
