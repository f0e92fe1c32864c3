package fr.guichet.helpdesk.tickets;

import fr.guichet.helpdesk.Nature;
import fr.guichet.helpdesk.Priority;
import fr.guichet.helpdesk.PublishableTickets;
import fr.guichet.helpdesk.TicketFacts;
import fr.guichet.helpdesk.TicketId;
import fr.guichet.helpdesk.TicketStatus;
import fr.guichet.helpdesk.calendar.AgencyCalendar;
import fr.guichet.helpdesk.calendar.DueDates;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tickets' countable facts, read straight from their table: a recount reads a million of them. */
@Service
class CountableTickets implements TicketFacts {

    private static final String COLUMNS = """
            select id, establishment_id, product_id, status, priority, nature, created_at, first_replied_at, closed_at
            from ticket""";

    private final JdbcClient jdbc;
    private final PublishableTickets published;
    private final AgencyCalendar calendar;
    private final DueDates dueDates;

    CountableTickets(JdbcClient jdbc, PublishableTickets published, AgencyCalendar calendar, DueDates dueDates) {
        this.jdbc = jdbc;
        this.published = published;
        this.calendar = calendar;
        this.dueDates = dueDates;
    }

    @Override
    @Transactional(readOnly = true)
    public Clockwork clockwork() {
        var commitments = new EnumMap<Priority, Integer>(Priority.class);
        for (var priority : Priority.values()) {
            commitments.put(priority, dueDates.firstReplyDays(priority));
        }
        return new BusinessDays(calendar.today(), commitments);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Fact> find(TicketId id) {
        return jdbc.sql(COLUMNS + " where id = ?")
                .param(id.value())
                .query((rs, n) -> fact(rs))
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Fact> after(long lastId, int limit) {
        return jdbc.sql(COLUMNS + " where id > ? order by id limit ?")
                .params(lastId, limit)
                .query((rs, n) -> fact(rs))
                .list();
    }

    @Override
    public Map<Long, String> productNames() {
        return published.products();
    }

    private static Fact fact(ResultSet rs) throws SQLException {
        var priority = rs.getString("priority");
        var nature = rs.getString("nature");
        var firstReply = rs.getObject("first_replied_at", OffsetDateTime.class);
        var closed = rs.getObject("closed_at", OffsetDateTime.class);
        return new Fact(
                new TicketId(rs.getLong("id")),
                rs.getObject("establishment_id", Long.class),
                rs.getObject("product_id", Long.class),
                TicketStatus.valueOf(rs.getString("status")),
                priority == null ? null : Priority.valueOf(priority),
                nature == null ? null : Nature.valueOf(nature),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                firstReply == null ? null : firstReply.toInstant(),
                closed == null ? null : closed.toInstant());
    }
}
