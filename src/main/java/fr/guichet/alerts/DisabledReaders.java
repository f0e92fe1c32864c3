package fr.guichet.alerts;

import fr.guichet.account.events.MembershipEnded;
import fr.guichet.notification.Digests;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An account disabled (its last membership ended) reads nothing more: what waited for its next
 * digest (its establishment's tickets, requests, documents) is forgotten with the membership.
 */
@Component
class DisabledReaders {

    private final Digests digests;

    DisabledReaders(Digests digests) {
        this.digests = digests;
    }

    @EventListener
    void on(MembershipEnded ended) {
        if (ended.accountDisabled()) {
            digests.forget(ended.account().value());
        }
    }
}
