package fr.guichet.helpdesk.tickets;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.TicketId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Links between tickets, kept both ways: a follow-up leads to its origin and back. */
@Component
class TicketLinks {

    private final JdbcClient jdbc;
    private final Clock clock;

    TicketLinks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<Long> of(TicketId ticket) {
        return jdbc.sql("select linked_id from ticket_link where ticket_id = ? order by linked_id")
                .param(ticket.value())
                .query(Long.class)
                .list();
    }

    void link(TicketId one, TicketId other, AccountId by) {
        var now = Timestamp.from(clock.instant());
        var insert = "insert into ticket_link (ticket_id, linked_id, created_by, created_at) values (?, ?, ?, ?)";
        jdbc.sql(insert).params(one.value(), other.value(), by.value(), now).update();
        jdbc.sql(insert).params(other.value(), one.value(), by.value(), now).update();
    }
}
