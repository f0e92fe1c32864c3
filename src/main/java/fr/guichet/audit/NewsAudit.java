package fr.guichet.audit;

import fr.guichet.news.AnnouncementPublished;
import fr.guichet.news.AnnouncementWithdrawn;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Who published what to whom: the announcement's target as written and how many people it reached
 * when its audience was fixed (the people themselves are its recipients' rows); and who withdrew it.
 */
@Component
class NewsAudit {

    private final AuditTrail trail;

    NewsAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @ApplicationModuleListener
    void on(AnnouncementPublished published) {
        trail.save(new AuditEntry(
                published.at(),
                AuditActions.of(published),
                published.authorId(),
                null,
                "announcement " + published.announcementId() + " « " + published.title() + " »",
                null,
                // the count first: a long target is cut at the column's end, the count never
                "people: " + published.audienceSize() + ", target: " + published.target()));
    }

    @ApplicationModuleListener
    void on(AnnouncementWithdrawn withdrawn) {
        trail.save(new AuditEntry(
                withdrawn.at(),
                AuditActions.of(withdrawn),
                withdrawn.agentId(),
                null,
                "announcement " + withdrawn.announcementId() + " « " + withdrawn.title() + " »",
                null,
                null));
    }
}
