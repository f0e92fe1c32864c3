package fr.guichet.certificates;

import java.time.Instant;

/** A certificate left an organisation's list. */
public record CertificateRemoved(
        long actorId,
        long organizationId,
        long certificateId,
        String subject,
        String serial,
        String sha256,
        String sourceAddress,
        Instant at) {}
