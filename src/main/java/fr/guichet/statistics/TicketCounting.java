package fr.guichet.statistics;

import fr.guichet.helpdesk.Priority;
import fr.guichet.helpdesk.TicketFacts;
import fr.guichet.helpdesk.TicketFacts.Clockwork;
import fr.guichet.helpdesk.TicketFacts.Fact;
import fr.guichet.helpdesk.TicketId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A ticket's part in the counts, kept in step with the ticket: counted once when first seen (filed,
 * or found by the recount), moved from one status, priority, nature or product to another when it
 * changes, its first reply and its closure counted once each. Each look reads the ticket as it is
 * now, so a late or repeated event counts nothing twice.
 */
@Component
class TicketCounting {

    /** What a ticket adds to the counts, as the last look left it. */
    record Counted(
            long organization,
            LocalDate filedOn,
            String status,
            String priority,
            String nature,
            String product,
            boolean firstReply,
            boolean resolution) {

        static Counted of(Fact ticket, LocalDate filedOn) {
            return new Counted(
                    ticket.establishmentId(),
                    filedOn,
                    ticket.status().name(),
                    ticket.priority() == null ? Metrics.NONE : ticket.priority().name(),
                    ticket.nature() == null ? Metrics.NONE : ticket.nature().name(),
                    ticket.productId() == null ? Metrics.NONE : String.valueOf(ticket.productId()),
                    false,
                    false);
        }

        Map<String, String> dimensions() {
            return Map.of(
                    Metrics.TICKETS_BY_STATUS, status,
                    Metrics.TICKETS_BY_PRIORITY, priority,
                    Metrics.TICKETS_BY_NATURE, nature,
                    Metrics.TICKETS_BY_PRODUCT, product);
        }
    }

    private final TicketFacts tickets;
    private final Counts counts;
    private final JdbcClient jdbc;
    private final Clock clock;

    TicketCounting(TicketFacts tickets, Counts counts, JdbcClient jdbc, Clock clock) {
        this.tickets = tickets;
        this.counts = counts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** After an event about the ticket: its row locked first, the ticket read after, as it is now. */
    @Transactional
    void follow(TicketId id) {
        var context = tickets.clockwork();
        var counted = locked(id);
        if (counted.isEmpty()) {
            var ticket = tickets.find(id);
            if (ticket.isEmpty() || firstSeen(ticket.get(), context)) {
                return;
            }
            // another look counted it meanwhile: wait for it, then move from where it left it
            counted = locked(id);
        }
        var now = tickets.find(id);
        if (counted.isPresent() && now.isPresent()) {
            move(id, counted.get(), now.get(), context);
        }
    }

    /** The recount: tickets never seen are counted as they stand; those already counted are the events' affair. */
    @Transactional
    void recount(List<Fact> batch) {
        var context = tickets.clockwork();
        batch.forEach(ticket -> firstSeen(ticket, context));
    }

    /** True when the ticket is handled (counted now, or never counted: filed by the agency for no establishment). */
    private boolean firstSeen(Fact ticket, Clockwork context) {
        if (ticket.establishmentId() == null) {
            return true;
        }
        var counted = Counted.of(ticket, day(ticket.createdAt()));
        var inserted = jdbc.sql("""
                        insert into stat_ticket (ticket_id, organization_id, filed_on, status, priority, nature,
                            product_id, first_reply_counted, resolution_counted)
                        values (?, ?, ?, ?, ?, ?, ?, false, false) on conflict do nothing""")
                .params(
                        ticket.id().value(),
                        counted.organization(),
                        counted.filedOn(),
                        counted.status(),
                        counted.priority(),
                        counted.nature(),
                        counted.product())
                .update();
        if (inserted == 0) {
            return false;
        }
        counts.add(counted.organization(), counted.filedOn(), Metrics.TICKETS_FILED, 1);
        counted.dimensions()
                .forEach((metric, value) -> counts.add(counted.organization(), counted.filedOn(), metric, value, 1));
        replyAndResolution(ticket, counted, context);
        return true;
    }

    private void move(TicketId id, Counted before, Fact ticket, Clockwork context) {
        var after = Counted.of(ticket, before.filedOn());
        var old = before.dimensions();
        after.dimensions().forEach((metric, value) -> {
            if (!value.equals(old.get(metric))) {
                counts.add(before.organization(), before.filedOn(), metric, old.get(metric), -1);
                counts.add(before.organization(), before.filedOn(), metric, value, 1);
            }
        });
        if (!after.dimensions().equals(old)) {
            jdbc.sql("update stat_ticket set status = ?, priority = ?, nature = ?, product_id = ? where ticket_id = ?")
                    .params(after.status(), after.priority(), after.nature(), after.product(), id.value())
                    .update();
        }
        replyAndResolution(ticket, before, context);
    }

    /** The first reply and the closure, each counted once, on its own day, in business days since filing. */
    private void replyAndResolution(Fact ticket, Counted counted, Clockwork context) {
        var organization = counted.organization();
        if (ticket.firstRepliedAt() != null && !counted.firstReply()) {
            var day = day(ticket.firstRepliedAt());
            var days = context.businessDaysBetween(counted.filedOn(), day);
            var priority = ticket.priority() == null ? Priority.NON_BLOCKING : ticket.priority();
            counts.add(organization, day, Metrics.FIRST_REPLIES, priority.name(), 1);
            counts.add(organization, day, Metrics.FIRST_REPLY_DAYS, priority.name(), days);
            if (days <= context.firstReplyDays(priority)) {
                counts.add(organization, day, Metrics.FIRST_REPLIES_IN_TIME, priority.name(), 1);
            }
            jdbc.sql("update stat_ticket set first_reply_counted = true where ticket_id = ?")
                    .param(ticket.id().value())
                    .update();
        }
        if (ticket.closedAt() != null && !ticket.status().open() && !counted.resolution()) {
            var day = day(ticket.closedAt());
            counts.add(organization, day, Metrics.RESOLUTIONS, 1);
            counts.add(organization, day, Metrics.RESOLUTION_DAYS, context.businessDaysBetween(counted.filedOn(), day));
            jdbc.sql("update stat_ticket set resolution_counted = true where ticket_id = ?")
                    .param(ticket.id().value())
                    .update();
        }
    }

    private Optional<Counted> locked(TicketId id) {
        return jdbc.sql("""
                        select organization_id, filed_on, status, priority, nature, product_id,
                            first_reply_counted, resolution_counted
                        from stat_ticket where ticket_id = ? for update""")
                .param(id.value())
                .query((rs, n) -> new Counted(
                        rs.getLong(1),
                        rs.getObject(2, LocalDate.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getBoolean(7),
                        rs.getBoolean(8)))
                .optional();
    }

    /** The day in the agency's time zone. */
    private LocalDate day(Instant at) {
        return at.atZone(clock.getZone()).toLocalDate();
    }
}
