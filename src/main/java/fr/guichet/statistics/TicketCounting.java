package fr.guichet.statistics;

import fr.guichet.helpdesk.Priority;
import fr.guichet.helpdesk.TicketFacts;
import fr.guichet.helpdesk.TicketFacts.Clockwork;
import fr.guichet.helpdesk.TicketFacts.Fact;
import fr.guichet.helpdesk.TicketId;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;
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

        static Counted of(Fact ticket, LocalDate filedOn, boolean firstReply, boolean resolution) {
            return new Counted(
                    ticket.establishmentId(),
                    filedOn,
                    ticket.status().name(),
                    ticket.priority() == null ? Metrics.NONE : ticket.priority().name(),
                    ticket.nature() == null ? Metrics.NONE : ticket.nature().name(),
                    ticket.productId() == null ? Metrics.NONE : String.valueOf(ticket.productId()),
                    firstReply,
                    resolution);
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
    private final JdbcTemplate batches;
    private final Clock clock;

    TicketCounting(TicketFacts tickets, Counts counts, JdbcClient jdbc, JdbcTemplate batches, Clock clock) {
        this.tickets = tickets;
        this.counts = counts;
        this.jdbc = jdbc;
        this.batches = batches;
        this.clock = clock;
    }

    /** After an event about the ticket: its row locked first, the ticket read after, as it is now. */
    @Transactional
    void follow(TicketId id) {
        var context = tickets.clockwork();
        var counted = locked(id);
        if (counted.isEmpty()) {
            var ticket = tickets.find(id);
            if (ticket.isEmpty() || ticket.get().establishmentId() == null) {
                return;
            }
            if (firstSeen(List.of(ticket.get()), context, counts::add) == 1) {
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

    /**
     * The recount: tickets never seen are counted as they stand (those already counted are the
     * events' affair), their rows inserted and their counts written a batch at a time.
     */
    @Transactional
    void recount(List<Fact> batch) {
        var gathered = new Counts.Gathered();
        firstSeen(batch.stream().filter(t -> t.establishmentId() != null).toList(), tickets.clockwork(), gathered);
        counts.write(gathered);
    }

    /** Counts the tickets never seen before, as they stand; returns how many there were. */
    private int firstSeen(List<Fact> batch, Clockwork context, Counts.Adder adder) {
        var rows = batch.stream()
                .map(t -> Counted.of(t, day(t.createdAt()), t.firstRepliedAt() != null, resolved(t)))
                .toList();
        var inserted = batches.batchUpdate(
                """
                insert into stat_ticket (ticket_id, organization_id, filed_on, status, priority, nature,
                    product_id, first_reply_counted, resolution_counted)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                IntStream.range(0, batch.size())
                        .mapToObj(i -> {
                            var c = rows.get(i);
                            return new Object[] {
                                batch.get(i).id().value(),
                                c.organization(),
                                Date.valueOf(c.filedOn()),
                                c.status(),
                                c.priority(),
                                c.nature(),
                                c.product(),
                                c.firstReply(),
                                c.resolution()
                            };
                        })
                        .toList());
        var seen = 0;
        for (var i = 0; i < batch.size(); i++) {
            if (inserted[i] == 0) {
                continue;
            }
            seen++;
            var counted = rows.get(i);
            adder.add(counted.organization(), counted.filedOn(), Metrics.TICKETS_FILED, Metrics.NO_DIMENSION, 1);
            counted.dimensions()
                    .forEach((metric, value) -> adder.add(counted.organization(), counted.filedOn(), metric, value, 1));
            if (counted.firstReply()) {
                countFirstReply(batch.get(i), counted, context, adder);
            }
            if (counted.resolution()) {
                countResolution(batch.get(i), counted, context, adder);
            }
        }
        return seen;
    }

    private void move(TicketId id, Counted before, Fact ticket, Clockwork context) {
        var after = Counted.of(ticket, before.filedOn(), before.firstReply(), before.resolution());
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
        if (ticket.firstRepliedAt() != null && !before.firstReply()) {
            countFirstReply(ticket, before, context, counts::add);
            jdbc.sql("update stat_ticket set first_reply_counted = true where ticket_id = ?")
                    .param(id.value())
                    .update();
        }
        if (resolved(ticket) && !before.resolution()) {
            countResolution(ticket, before, context, counts::add);
            jdbc.sql("update stat_ticket set resolution_counted = true where ticket_id = ?")
                    .param(id.value())
                    .update();
        }
    }

    /** The first reply, on its own day, in business days since filing, against the commitment. */
    private void countFirstReply(Fact ticket, Counted counted, Clockwork context, Counts.Adder adder) {
        var day = day(ticket.firstRepliedAt());
        var days = context.businessDaysBetween(counted.filedOn(), day);
        var priority = (ticket.priority() == null ? Priority.NON_BLOCKING : ticket.priority()).name();
        adder.add(counted.organization(), day, Metrics.FIRST_REPLIES, priority, 1);
        adder.add(counted.organization(), day, Metrics.FIRST_REPLY_DAYS, priority, days);
        if (days <= context.firstReplyDays(ticket.priority())) {
            adder.add(counted.organization(), day, Metrics.FIRST_REPLIES_IN_TIME, priority, 1);
        }
    }

    /** The closure, on its own day, in business days since filing. */
    private void countResolution(Fact ticket, Counted counted, Clockwork context, Counts.Adder adder) {
        var day = day(ticket.closedAt());
        adder.add(counted.organization(), day, Metrics.RESOLUTIONS, Metrics.NO_DIMENSION, 1);
        adder.add(
                counted.organization(),
                day,
                Metrics.RESOLUTION_DAYS,
                Metrics.NO_DIMENSION,
                context.businessDaysBetween(counted.filedOn(), day));
    }

    private static boolean resolved(Fact ticket) {
        return ticket.closedAt() != null && !ticket.status().open();
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
