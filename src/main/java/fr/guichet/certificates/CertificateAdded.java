package fr.guichet.certificates;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A certificate joined an organisation's list: uploaded by an administrator, or installed for a request. */
public record CertificateAdded(
        long actorId,
        long organizationId,
        long certificateId,
        String origin,
        @Nullable Long requestId,
        String subject,
        String serial,
        String sha256,
        Instant notAfter,
        String sourceAddress,
        Instant at) {}
