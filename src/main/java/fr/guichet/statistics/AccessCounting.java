package fr.guichet.statistics;

import fr.guichet.access.AccessRequestFacts;
import fr.guichet.access.AccessRequestFacts.Fact;
import fr.guichet.access.AccessRequestId;
import fr.guichet.access.AccessStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An access request's part in the counts: asked (on the day asked), granted and decided (on the day
 * decided), each counted once, in the requester's establishment. Each look reads the request as it
 * is now; an external requester's request belongs to no establishment and is not counted.
 */
@Component
class AccessCounting {

    record Counted(long organization, boolean granted, boolean decided) {}

    private final AccessRequestFacts requests;
    private final Counts counts;
    private final JdbcClient jdbc;
    private final Clock clock;

    AccessCounting(AccessRequestFacts requests, Counts counts, JdbcClient jdbc, Clock clock) {
        this.requests = requests;
        this.counts = counts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    void follow(AccessRequestId id) {
        var counted = locked(id);
        if (counted.isEmpty()) {
            var request = requests.find(id);
            if (request.isEmpty() || firstSeen(request.get())) {
                return;
            }
            counted = locked(id);
        }
        var now = requests.find(id);
        if (counted.isPresent() && now.isPresent()) {
            decisions(now.get(), counted.get());
        }
    }

    @Transactional
    void recount(List<Fact> batch) {
        batch.forEach(this::firstSeen);
    }

    private boolean firstSeen(Fact request) {
        if (request.establishmentId() == null) {
            return true;
        }
        long organization = request.establishmentId();
        var inserted = jdbc.sql("""
                        insert into stat_access (request_id, organization_id, granted_counted, decision_counted)
                        values (?, ?, false, false) on conflict do nothing""").params(request.id().value(), organization).update();
        if (inserted == 0) {
            return false;
        }
        counts.add(organization, day(request.requestedAt()), Metrics.ACCESS_REQUESTED, 1);
        decisions(request, new Counted(organization, false, false));
        return true;
    }

    private void decisions(Fact request, Counted counted) {
        if (request.decidedAt() == null) {
            return;
        }
        var day = day(request.decidedAt());
        if (request.granted() && !counted.granted()) {
            counts.add(counted.organization(), day, Metrics.ACCESS_GRANTED, 1);
            jdbc.sql("update stat_access set granted_counted = true where request_id = ?")
                    .param(request.id().value())
                    .update();
        }
        if (request.decidedByPerson() && !counted.decided()) {
            var decision = request.granted() ? AccessStatus.ACCEPTED : AccessStatus.REFUSED;
            counts.add(counted.organization(), day, Metrics.ACCESS_DECIDED, decision.name(), 1);
            jdbc.sql("update stat_access set decision_counted = true where request_id = ?")
                    .param(request.id().value())
                    .update();
        }
    }

    private Optional<Counted> locked(AccessRequestId id) {
        return jdbc.sql("""
                        select organization_id, granted_counted, decision_counted
                        from stat_access where request_id = ? for update""")
                .param(id.value())
                .query((rs, n) -> new Counted(rs.getLong(1), rs.getBoolean(2), rs.getBoolean(3)))
                .optional();
    }

    private LocalDate day(Instant at) {
        return at.atZone(clock.getZone()).toLocalDate();
    }
}
