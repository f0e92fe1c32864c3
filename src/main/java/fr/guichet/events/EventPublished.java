package fr.guichet.events;

import java.time.Instant;

/** An agent published an event. */
public record EventPublished(long eventId, long agentId, String title, Instant at) {}
