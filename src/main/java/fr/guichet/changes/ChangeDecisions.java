package fr.guichet.changes;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.shared.NotFoundException;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The agency's decisions on change requests, whatever their kind: the chapter compares and applies,
 * the request keeps its decision, the site's correspondents are told and the trail hears of it.
 */
@Service
public class ChangeDecisions {

    private final ChangeRequestRepository requests;
    private final Chapters chapters;
    private final ChangeViews views;
    private final ChangeMails mails;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ChangeDecisions(
            ChangeRequestRepository requests,
            Chapters chapters,
            ChangeViews views,
            ChangeMails mails,
            Accounts accounts,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock) {
        this.requests = requests;
        this.chapters = chapters;
        this.views = views;
        this.mails = mails;
        this.accounts = accounts;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Validates the request: the change is applied in the same transaction, through the reference
     * data's services. If the data no longer say what they said when it was asked, the portal
     * refuses it instead, since applying it would overwrite a newer change.
     */
    public ChangeView validate(AccountId agent, ChangeRequestId id) {
        accounts.requireStaff(agent);
        return decide(agent, id, Decision.VALIDATE, null);
    }

    public ChangeView refuse(AccountId agent, ChangeRequestId id, @Nullable String reason) {
        accounts.requireStaff(agent);
        return decide(agent, id, Decision.REFUSE, reason);
    }

    private ChangeView decide(AccountId agent, ChangeRequestId id, Decision wanted, @Nullable String reason) {
        try {
            return transactions.execute(tx -> {
                var request = requests.findById(id.value()).orElseThrow(NotFoundException::new);
                var chapter = chapters.of(request.kind());
                var decision =
                        wanted == Decision.VALIDATE && !chapter.stillAsAsked(request) ? Decision.OUTDATED : wanted;
                request.decide(decision, agent, reason, clock.instant());
                // the version check: of two decisions at once, the second finds the row changed
                requests.saveAndFlush(request);
                // told before it applies, so that a correspondent who leaves hears of it too
                var told = mails.concerned(request);
                if (decision == Decision.VALIDATE) {
                    chapter.apply(agent, request);
                }
                var view = views.view(request);
                mails.decided(request, view, told);
                events.publishEvent(
                        decision == Decision.VALIDATE
                                ? new ChangeValidated(
                                        agent,
                                        request.id(),
                                        request.establishment(),
                                        views.subject(request),
                                        clock.instant())
                                : new ChangeRefused(
                                        decision.bySystem() ? null : agent,
                                        request.id(),
                                        request.establishment(),
                                        views.subject(request),
                                        request.reason(),
                                        clock.instant()));
                return view;
            });
        } catch (ObjectOptimisticLockingFailureException decidedMeanwhile) {
            throw new ChangeRefusal("changes.decided-already");
        } catch (DuplicateKeyException firstVersionMeanwhile) {
            // nothing was locked (there was no version yet) and an agent set one at that very moment
            throw new ChangeRefusal("changes.data-changed");
        }
    }
}
