package fr.guichet.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A person's registration for a session, as it stands. */
record RegistrationView(
        long id,
        long sessionId,
        long eventId,
        long accountId,
        @Nullable Long establishmentId,
        RegistrationStatus status,
        @Nullable String note,
        long registeredBy,
        Instant registeredAt,
        Instant queuedAt,
        @Nullable Attendance attendance) {}
