package fr.guichet.credits;

import fr.guichet.account.AccountId;
import fr.guichet.organization.OrganizationView;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What people do to credits by hand, each audited: an agent credits or corrects, a tree is set. */
@Service
class CreditActs {

    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CreditActs(Ledger ledger, ApplicationEventPublisher events, Clock clock) {
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
    }

    static String agentOrigin(AccountId agent) {
        return Movement.AGENT + agent.value();
    }

    @Transactional
    void credit(AccountId agent, OrganizationView organization, NewMovement movement, String sourceAddress) {
        var posted = ledger.post(organization.id(), movement, agentOrigin(agent));
        events.publishEvent(new CreditsCredited(
                agent.value(),
                organization.id().value(),
                posted.movement().id(),
                movement.amount(),
                movement.reason(),
                sourceAddress,
                clock.instant()));
    }

    /**
     * Undoes a movement of the balance the organisation's statement shows, whoever posted it, by its
     * counter-movement; a movement is corrected once.
     */
    @Transactional
    void correct(AccountId agent, OrganizationView organization, long movementId, String reason, String sourceAddress) {
        var counter = ledger.correct(organization, movementId, reason, agentOrigin(agent));
        events.publishEvent(new CreditMovementCorrected(
                agent.value(),
                counter.organizationId(),
                movementId,
                counter.id(),
                reason,
                sourceAddress,
                clock.instant()));
    }

    @Transactional
    void chooseTree(AccountId actor, OrganizationView organization, boolean separate, String sourceAddress) {
        var establishment = organization.establishmentId();
        if (ledger.separateBalances(establishment) == separate) {
            return;
        }
        ledger.setSeparateBalances(establishment, separate);
        events.publishEvent(
                new CreditTreeChosen(actor.value(), establishment.value(), separate, sourceAddress, clock.instant()));
    }
}
