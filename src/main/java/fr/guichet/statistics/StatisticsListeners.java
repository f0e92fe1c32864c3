package fr.guichet.statistics;

import fr.guichet.access.AccessAccepted;
import fr.guichet.access.AccessRefused;
import fr.guichet.access.AccessRequested;
import fr.guichet.account.Accounts;
import fr.guichet.account.MembershipView;
import fr.guichet.account.events.SignInSucceeded;
import fr.guichet.helpdesk.TicketChanged;
import fr.guichet.helpdesk.TicketFiled;
import java.time.Clock;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The counts follow the other modules' events, after their commit, each in its own transaction
 * (retried at restart through the event publication registry). Ticket and access events only say
 * which one moved: the counting reads it as it is now.
 */
@Component
class StatisticsListeners {

    private final TicketCounting tickets;
    private final AccessCounting access;
    private final Counts counts;
    private final Accounts accounts;
    private final Clock clock;

    StatisticsListeners(TicketCounting tickets, AccessCounting access, Counts counts, Accounts accounts, Clock clock) {
        this.tickets = tickets;
        this.access = access;
        this.counts = counts;
        this.accounts = accounts;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(TicketFiled filed) {
        tickets.follow(filed.ticket());
    }

    @ApplicationModuleListener
    void on(TicketChanged changed) {
        tickets.follow(changed.ticket());
    }

    @ApplicationModuleListener
    void on(AccessRequested requested) {
        access.follow(requested.request());
    }

    @ApplicationModuleListener
    void on(AccessAccepted accepted) {
        access.follow(accepted.request());
    }

    @ApplicationModuleListener
    void on(AccessRefused refused) {
        access.follow(refused.request());
    }

    /** A sign-in counts in each organisation the person is a confirmed member of; he is active there that day. */
    @ApplicationModuleListener
    void on(SignInSucceeded signedIn) {
        var day = signedIn.occurredAt().atZone(clock.getZone()).toLocalDate();
        accounts.memberships(signedIn.account()).stream()
                .filter(MembershipView::confirmed)
                .forEach(m -> {
                    counts.add(m.organization().value(), day, Metrics.SIGN_INS, 1);
                    counts.active(
                            m.organization().value(), day, signedIn.account().value());
                });
    }
}
