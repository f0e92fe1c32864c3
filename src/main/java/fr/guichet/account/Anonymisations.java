package fr.guichet.account;

import fr.guichet.organization.OrganizationId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way an account's personal data are erased, whether its retention period has passed or a
 * platform administrator executes the person's request: the account module scrubs its own tables
 * here, and every other module its own on {@link AccountAnonymised}.
 */
@Service
public class Anonymisations {

    private final AccountRepository accounts;
    private final JdbcClient jdbc;
    private final SessionsOfAccount sessions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Accounts people;

    Anonymisations(
            Accounts people,
            AccountRepository accounts,
            JdbcClient jdbc,
            SessionsOfAccount sessions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.people = people;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
    }

    /** Accounts disabled since before this instant and not yet anonymised, oldest first. */
    @Transactional(readOnly = true)
    public List<AccountId> disabledBefore(Instant limit, int max) {
        return jdbc.sql("""
                        select id from account
                        where status = 'DISABLED' and anonymised_at is null and disabled_at < ?
                        order by disabled_at, id limit ?""").params(Timestamp.from(limit), max).query(Long.class).list().stream()
                .map(AccountId::new)
                .toList();
    }

    /**
     * Anonymises the account now; false when it was done already (the job and an administrator may
     * meet on one account: the row's version lets one of them through).
     */
    @Transactional
    public boolean anonymise(AccountId id, @Nullable AccountId decidedBy, @Nullable Long erasureRequest) {
        var account = accounts.findById(id.value()).orElseThrow();
        if (account.anonymised()) {
            return false;
        }
        // what he holds through his memberships (rights, super admin, correspondent rows) ends the one way it ends
        for (var membership : account.memberships()) {
            people.leave(id, new OrganizationId(membership.organizationId()), decidedBy, null);
        }
        account = accounts.findById(id.value()).orElseThrow();
        var formerEmail = account.email().value();
        var coordinates = account.coordinates();
        var now = clock.instant();
        account.anonymise(now);
        accounts.saveAndFlush(account);
        var key = id.value();
        jdbc.sql("delete from link_token where account_id = ?").param(key).update();
        jdbc.sql("delete from api_token where account_id = ?").param(key).update();
        jdbc.sql("delete from membership_invitation where account_id = ?")
                .param(key)
                .update();
        jdbc.sql("delete from place_preference where account_id = ?").param(key).update();
        sessions.endAllBut(id, null);
        // what earlier events said of him (a sign-in's address): their completed publications are
        // no longer needed; those not yet delivered stay, to be replayed
        for (var trace : List.of(
                formerEmail,
                coordinates.firstName() + " " + coordinates.lastName(),
                coordinates.lastName() + " " + coordinates.firstName())) {
            jdbc.sql("delete from event_publication where completion_date is not null and serialized_event like ?")
                    .param("%" + trace.replace("%", "").replace("_", "\\_") + "%")
                    .update();
        }
        events.publishEvent(new AccountAnonymised(
                id,
                formerEmail,
                coordinates.firstName(),
                coordinates.lastName(),
                account.email().value(),
                decidedBy,
                erasureRequest,
                now));
        return true;
    }

    /**
     * The completed publications of {@link AccountAnonymised}: they hold the former address and names,
     * which must not outlive the anonymisation in the event registry's table. Those still incomplete
     * stay, to be replayed.
     */
    @Transactional
    public int forgetCompletedEvents() {
        return jdbc.sql("delete from event_publication where completion_date is not null and event_type = ?")
                .param(AccountAnonymised.class.getName())
                .update();
    }
}
