package fr.guichet.news;

import java.time.Instant;

/**
 * An announcement's audience was fixed and its sending began: who published what, to whom (the
 * target as written, and how many people it reached), for the audit.
 */
public record AnnouncementPublished(
        long announcementId, long authorId, String title, String target, int audienceSize, Instant at) {}
