package fr.guichet.helpdesk.tickets;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.Action;
import fr.guichet.helpdesk.ContractorId;
import fr.guichet.helpdesk.TeamId;
import org.jspecify.annotations.Nullable;

/**
 * Whom an act gives the ticket to: the contractor company of a hand-over, the team of a dispatch,
 * the agent of a take. Each act reads only its own kind, so a team can never be taken for an agent.
 */
public sealed interface Assignment {

    record ToContractor(ContractorId contractor) implements Assignment {}

    record ToTeam(TeamId team) implements Assignment {}

    record ToAgent(AccountId agent) implements Assignment {}

    /**
     * The one of the form's (or the request's) three choices that the act reads; none for an act that
     * assigns nothing, or when the choice is left empty.
     */
    static @Nullable Assignment of(
            @Nullable Action action, @Nullable Long contractor, @Nullable Long team, @Nullable Long agent) {
        if (action == null) {
            return null;
        }
        return switch (action) {
            case HAND_TO_CONTRACTOR -> contractor == null ? null : new ToContractor(new ContractorId(contractor));
            case DISPATCH -> team == null ? null : new ToTeam(new TeamId(team));
            case TAKE -> agent == null ? null : new ToAgent(new AccountId(agent));
            default -> null;
        };
    }
}
