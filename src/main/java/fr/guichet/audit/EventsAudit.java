package fr.guichet.audit;

import fr.guichet.events.AttendanceRecorded;
import fr.guichet.events.EventChanged;
import fr.guichet.events.EventPublished;
import fr.guichet.events.RegistrationMoved;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Every act on the agency's events: published, changed or cancelled; registrations moved; rolls taken. */
@Component
class EventsAudit {

    private final AuditTrail trail;

    EventsAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @ApplicationModuleListener
    void on(EventPublished published) {
        trail.save(new AuditEntry(
                published.at(),
                AuditActions.of(published),
                published.agentId(),
                null,
                "event " + published.eventId(),
                null,
                "title: " + published.title()));
    }

    @ApplicationModuleListener
    void on(EventChanged changed) {
        trail.save(new AuditEntry(
                changed.at(),
                changed.cancelled() ? "EVENT_CANCELLED" : AuditActions.of(changed),
                changed.agentId(),
                null,
                "event " + changed.eventId(),
                null,
                "title: " + changed.title()));
    }

    @ApplicationModuleListener
    void on(RegistrationMoved moved) {
        trail.save(new AuditEntry(
                moved.at(),
                AuditActions.of(moved),
                moved.actorId(),
                moved.establishmentId(),
                "event registration " + moved.registrationId(),
                null,
                "event " + moved.eventId() + ", session " + moved.sessionId() + ", person " + moved.personId() + ", "
                        + moved.step() + " -> " + moved.status()));
    }

    @ApplicationModuleListener
    void on(AttendanceRecorded recorded) {
        trail.save(new AuditEntry(
                recorded.at(),
                AuditActions.of(recorded),
                recorded.agentId(),
                null,
                "event " + recorded.eventId() + ", session " + recorded.sessionId(),
                null,
                "people: " + recorded.people()));
    }
}
