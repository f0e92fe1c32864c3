package fr.guichet.certificates;

import java.time.Instant;

/** A certificate request moved on (taken, installed, shipped, cancelled). */
public record CertificateRequestMoved(
        long actorId, long organizationId, long requestId, String from, String to, String sourceAddress, Instant at) {}
