package fr.guichet.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A registration moved: {@code step} is REGISTER, APPROVE, REFUSE, PROMOTE, CANCEL or
 * SESSION_CANCELLED, {@code status} where it stands after.
 */
public record RegistrationMoved(
        long registrationId,
        long eventId,
        long sessionId,
        long personId,
        @Nullable Long establishmentId,
        long actorId,
        String step,
        String status,
        Instant at) {}
