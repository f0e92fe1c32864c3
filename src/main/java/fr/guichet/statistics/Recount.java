package fr.guichet.statistics;

import fr.guichet.access.AccessRequestFacts;
import fr.guichet.helpdesk.TicketFacts;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The one-time recount of what predates the counting (the demo data, an installation upgraded to
 * a version with statistics): every ticket and access request never counted, in batches, once
 * across the nodes. Where it stopped is kept after each batch: a node that stops midway leaves the
 * rest to the next run. Sign-ins leave no history to recount: they are counted from the upgrade on.
 */
@Component
class Recount {

    private static final Logger LOG = LoggerFactory.getLogger(Recount.class);

    static final int BATCH = 1000;

    private final TicketFacts tickets;
    private final AccessRequestFacts requests;
    private final TicketCounting ticketCounting;
    private final AccessCounting accessCounting;
    private final JdbcClient jdbc;
    private final Clock clock;

    Recount(
            TicketFacts tickets,
            AccessRequestFacts requests,
            TicketCounting ticketCounting,
            AccessCounting accessCounting,
            JdbcClient jdbc,
            Clock clock) {
        this.tickets = tickets;
        this.requests = requests;
        this.ticketCounting = ticketCounting;
        this.accessCounting = accessCounting;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${guichet.statistics.recount-delay:PT1M}",
            fixedDelayString = "${guichet.statistics.recount-every:PT30M}")
    @SchedulerLock(name = "statistics-recount", lockAtMostFor = "PT2H")
    void recountIfNeverDone() {
        var state = jdbc.sql("select last_ticket, last_access, finished_at from stat_rebuild where id = 1")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getObject(3) == null ? 0 : 1})
                .optional();
        if (state.isPresent() && state.get()[2] == 1) {
            return;
        }
        if (state.isEmpty()) {
            jdbc.sql("insert into stat_rebuild (id, started_at, last_ticket, last_access) values (1, ?, 0, 0)"
                            + " on conflict do nothing")
                    .param(clock.instant().atOffset(ZoneOffset.UTC))
                    .update();
        }
        var lastTicket = state.map(s -> s[0]).orElse(0L);
        var lastAccess = state.map(s -> s[1]).orElse(0L);
        LOG.info("statistics: recounting tickets after {} and access requests after {}", lastTicket, lastAccess);
        recountTickets(lastTicket);
        recountAccess(lastAccess);
        jdbc.sql("update stat_rebuild set finished_at = ? where id = 1")
                .param(clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        LOG.info("statistics: recount done");
    }

    private void recountTickets(long after) {
        inBatches(
                after,
                tickets::after,
                batch -> {
                    ticketCounting.recount(batch);
                    return batch.get(batch.size() - 1).id().value();
                },
                "last_ticket");
    }

    private void recountAccess(long after) {
        inBatches(
                after,
                requests::after,
                batch -> {
                    accessCounting.recount(batch);
                    return batch.get(batch.size() - 1).id().value();
                },
                "last_access");
    }

    /** Batch after batch, where it stopped kept after each (the column is one of ours, never a caller's text). */
    private <T> void inBatches(
            long after, BiFunction<Long, Integer, List<T>> read, Function<List<T>, Long> count, String column) {
        var last = after;
        for (var batch = read.apply(last, BATCH); !batch.isEmpty(); batch = read.apply(last, BATCH)) {
            last = count.apply(batch);
            jdbc.sql("update stat_rebuild set " + column + " = ? where id = 1")
                    .param(last)
                    .update();
        }
    }
}
