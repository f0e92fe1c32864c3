package fr.guichet.helpdesk.tickets;

import fr.guichet.helpdesk.TransitionRefused;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * The business-day clock of a ticket that waits for the site (a question asked, a solution sent):
 * since when it waits, whether the site was reminded, and the business days an agent pushed its
 * reminder and closure by. Every act starts it again or stops it. Public only as a type, for the
 * search module to index its start.
 */
@NamedInterface("search")
@Embeddable
public class SiteWait {

    @Column(name = "waiting_since")
    private @Nullable LocalDate since;

    private boolean reminded;

    @Column(name = "reminded_on")
    private @Nullable LocalDate remindedOn;

    @Column(name = "deadline_push_days")
    private int pushedDays;

    /** After an act: waiting from today, or not at all; a planned absence still holds while the wait goes on. */
    void restart(boolean waits, LocalDate today) {
        this.since = waits ? today : null;
        this.reminded = false;
        this.remindedOn = null;
        this.pushedDays = waits ? pushedDays : 0;
    }

    void push(int businessDays) {
        if (since == null) {
            throw new TransitionRefused("helpdesk.deadlines.not-waiting");
        }
        if (businessDays < 1 || businessDays > 60) {
            throw new TransitionRefused("helpdesk.deadlines.days-out-of-range");
        }
        this.pushedDays += businessDays;
    }

    /** The clock's first step: the site was told of what waits for it. */
    void reminded(LocalDate today) {
        this.reminded = true;
        this.remindedOn = today;
    }

    @Nullable
    LocalDate since() {
        return since;
    }

    boolean wasReminded() {
        return reminded;
    }

    @Nullable
    LocalDate remindedOn() {
        return remindedOn;
    }

    int pushedDays() {
        return pushedDays;
    }
}
