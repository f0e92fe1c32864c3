package fr.guichet.certificates;

import java.time.Instant;

/** An administrator asked for the organisation's certificate, or for more supports. */
public record CertificateRequested(
        long actorId,
        long organizationId,
        long requestId,
        String support,
        int supports,
        String sourceAddress,
        Instant at) {}
