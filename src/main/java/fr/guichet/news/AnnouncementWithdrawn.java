package fr.guichet.news;

import java.time.Instant;

/** An agent withdrew an announcement: it no longer shows, and whom it was not yet told is not told. */
public record AnnouncementWithdrawn(long announcementId, long agentId, String title, Instant at) {}
