package fr.guichet.certificates;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A request for the organisation's certificate and its supports, as its lists show it. */
record CertificateRequest(
        long id,
        long organizationId,
        String organizationName,
        long requestedBy,
        Instant requestedAt,
        String recipient,
        String address,
        @Nullable String addressMore,
        String postalCode,
        String city,
        Support support,
        int supports,
        RequestStatus status,
        Instant statusAt) {}
