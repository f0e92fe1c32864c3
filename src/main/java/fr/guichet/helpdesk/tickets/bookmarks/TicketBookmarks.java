package fr.guichet.helpdesk.tickets.bookmarks;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.TicketId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's bookmarked tickets and the ones he opened last ("signets / historique").
 * Kept as ticket numbers: what is shown of them is checked again against who may see what, since
 * a correspondent who is no longer one must not keep a way in.
 */
@Component
public class TicketBookmarks {

    /** The tickets the history remembers, the latest first. */
    static final int HISTORY = 20;
    /** The bookmarks the page lists, the latest first. */
    static final int BOOKMARKS = 200;

    private final JdbcClient jdbc;
    private final Clock clock;

    TicketBookmarks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public void bookmark(AccountId person, TicketId ticket) {
        // twice is once: a second click, another tab
        jdbc.sql("""
                insert into ticket_bookmark (account_id, ticket_id, created_at) select ?, ?, ?
                where not exists (select 1 from ticket_bookmark where account_id = ? and ticket_id = ?)""")
                .params(person.value(), ticket.value(), Timestamp.from(clock.instant()), person.value(), ticket.value())
                .update();
    }

    @Transactional
    public void remove(AccountId person, TicketId ticket) {
        jdbc.sql("delete from ticket_bookmark where account_id = ? and ticket_id = ?")
                .params(person.value(), ticket.value())
                .update();
    }

    @Transactional(readOnly = true)
    public boolean isBookmarked(AccountId person, TicketId ticket) {
        return jdbc.sql("select count(*) from ticket_bookmark where account_id = ? and ticket_id = ?")
                        .params(person.value(), ticket.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Transactional(readOnly = true)
    public List<Long> bookmarks(AccountId person) {
        return jdbc.sql(
                        "select ticket_id from ticket_bookmark where account_id = ? order by created_at desc, ticket_id desc limit ?")
                .params(person.value(), BOOKMARKS)
                .query(Long.class)
                .list();
    }

    /** Remembers that he opened it now (the caller keeps a failure here from failing the page he is opening). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void visited(AccountId person, TicketId ticket) {
        var now = Timestamp.from(clock.instant());
        var updated = jdbc.sql("update ticket_visit set visited_at = ? where account_id = ? and ticket_id = ?")
                .params(now, person.value(), ticket.value())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into ticket_visit (account_id, ticket_id, visited_at) select ?, ?, ?
                    where not exists (select 1 from ticket_visit where account_id = ? and ticket_id = ?)""")
                    .params(person.value(), ticket.value(), now, person.value(), ticket.value())
                    .update();
            jdbc.sql("""
                    delete from ticket_visit where account_id = ? and ticket_id not in (
                        select ticket_id from (select ticket_id from ticket_visit where account_id = ?
                                               order by visited_at desc, ticket_id desc limit ?) latest)""").params(person.value(), person.value(), HISTORY).update();
        }
    }

    @Transactional(readOnly = true)
    public List<Long> history(AccountId person) {
        return jdbc.sql(
                        "select ticket_id from ticket_visit where account_id = ? order by visited_at desc, ticket_id desc")
                .param(person.value())
                .query(Long.class)
                .list();
    }
}
