package fr.guichet.helpdesk.tickets;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.Action;
import fr.guichet.helpdesk.ContractorId;
import fr.guichet.helpdesk.TeamId;
import fr.guichet.helpdesk.TransitionRefused;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * Who handles a ticket: the team it is dispatched to (at filing, its category's), the agent who
 * took it, and the contractor company while the ticket is in its hands. Public only as a type, for
 * the search module to index it.
 */
@NamedInterface("search")
@Embeddable
public class Handling {

    @Column(name = "team_id")
    private @Nullable Long teamId;

    @Column(name = "handling_agent_id")
    private @Nullable Long agentId;

    @Column(name = "contractor_id")
    private @Nullable Long contractorId;

    protected Handling() {}

    Handling(@Nullable Long teamId) {
        this.teamId = teamId;
    }

    /**
     * What an act changes in who handles the ticket, or its refusal when the act names no one it needs:
     * a hand-over its company, a dispatch its team (unless the ticket has one); a take is the agent's it
     * is assigned to, or else the taker's.
     */
    void follow(Action action, @Nullable Assignment whom, @Nullable AccountId by) {
        switch (action) {
            case HAND_TO_CONTRACTOR -> {
                if (!(whom instanceof Assignment.ToContractor to)) {
                    throw new TransitionRefused("helpdesk.transition.required.contractor");
                }
                this.contractorId = to.contractor().value();
            }
            // the company no longer sees it
            case TAKE_BACK -> this.contractorId = null;
            case DISPATCH -> {
                if (whom instanceof Assignment.ToTeam to) {
                    this.teamId = to.team().value();
                } else if (teamId == null) {
                    throw new TransitionRefused("helpdesk.transition.required.team");
                }
            }
            case TAKE -> {
                if (whom instanceof Assignment.ToAgent to) {
                    this.agentId = to.agent().value();
                } else if (by != null) {
                    this.agentId = by.value();
                }
            }
            default -> {}
        }
    }

    @Nullable
    TeamId team() {
        return teamId == null ? null : new TeamId(teamId);
    }

    @Nullable
    Long agent() {
        return agentId;
    }

    @Nullable
    ContractorId contractor() {
        return contractorId == null ? null : new ContractorId(contractorId);
    }
}
