package fr.guichet.events;

import java.time.Instant;

/** An agent changed an event, or cancelled it. */
public record EventChanged(long eventId, long agentId, String title, boolean cancelled, Instant at) {}
