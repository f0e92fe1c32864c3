package fr.guichet.events;

import java.time.Instant;

/** An organiser recorded (or corrected) the attendance of {@code people} participants of a session. */
public record AttendanceRecorded(long eventId, long sessionId, long agentId, int people, Instant at) {}
