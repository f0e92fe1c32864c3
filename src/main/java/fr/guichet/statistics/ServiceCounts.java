package fr.guichet.statistics;

import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.NotFoundException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The counts a connected service keeps of its own (rooms opened, tender files withdrawn…), pushed
 * for an organisation and a day. A second push of the same day's metric by the same service
 * replaces the first: a retry is harmless, a correction possible.
 */
@Service
class ServiceCounts {

    /** Lowercase words joined by dots ("room.opened", "procedure.mapa"). */
    static final Pattern METRIC = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z0-9][a-z0-9_-]*){0,4}");

    static final int LONGEST_METRIC = 40;
    static final int MOST_PER_PUSH = 50;
    static final long LARGEST = 1_000_000_000L;
    static final int OLDEST_YEARS = 10;

    private final Organizations organizations;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ServiceCounts(Organizations organizations, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.organizations = organizations;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Checks every count before saving any; returns how many were saved. */
    @Transactional
    int push(String clientId, long organization, @Nullable String date, @Nullable Map<String, Object> sent) {
        if (organizations.find(new OrganizationId(organization)).isEmpty()) {
            throw new NotFoundException();
        }
        var day = day(date);
        var counts = counts(sent);
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        counts.forEach((metric, amount) -> {
            var replaced = jdbc.sql("""
                            update stat_service_count set amount = ?, received_at = ?
                            where organization_id = ? and on_date = ? and client_id = ? and metric = ?""")
                    .params(amount, now, organization, day, clientId, metric)
                    .update();
            if (replaced == 0) {
                var created = jdbc.sql("""
                                insert into stat_service_count (organization_id, on_date, client_id, metric, amount, received_at)
                                values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                        .params(organization, day, clientId, metric, amount, now)
                        .update();
                if (created == 0) {
                    // the same push, retried at the same moment: the later one's amount stands
                    jdbc.sql("update stat_service_count set amount = ? where organization_id = ? and on_date = ?"
                                    + " and client_id = ? and metric = ?")
                            .params(amount, organization, day, clientId, metric)
                            .update();
                }
            }
        });
        events.publishEvent(new CountsPushed(clientId, organization, day, counts.size(), clock.instant()));
        return counts.size();
    }

    private LocalDate day(@Nullable String date) {
        if (date == null || date.isBlank()) {
            throw new CountsRefused("statistics.push.date-required");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw new CountsRefused("statistics.push.date-invalid");
        }
        var today = LocalDate.now(clock);
        if (day.isAfter(today.plusDays(1)) || day.isBefore(today.minusYears(OLDEST_YEARS))) {
            throw new CountsRefused("statistics.push.date-out-of-range", OLDEST_YEARS);
        }
        return day;
    }

    static Map<String, Long> counts(@Nullable Map<String, Object> sent) {
        if (sent == null || sent.isEmpty()) {
            throw new CountsRefused("statistics.push.counts-required");
        }
        if (sent.size() > MOST_PER_PUSH) {
            throw new CountsRefused("statistics.push.too-many", MOST_PER_PUSH);
        }
        var counts = new LinkedHashMap<String, Long>();
        sent.forEach((metric, value) -> {
            if (metric.length() > LONGEST_METRIC || !METRIC.matcher(metric).matches()) {
                throw new CountsRefused("statistics.push.metric-invalid", shown(metric), LONGEST_METRIC);
            }
            counts.put(metric, amount(metric, value));
        });
        return counts;
    }

    private static long amount(String metric, @Nullable Object value) {
        // whole numbers only: 3.0 or "3" is not a count
        if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof BigInteger) {
            var number = new BigInteger(value.toString());
            if (number.signum() >= 0 && number.compareTo(BigInteger.valueOf(LARGEST)) <= 0) {
                return number.longValue();
            }
        }
        throw new CountsRefused("statistics.push.amount-invalid", metric, LARGEST);
    }

    /** A refused metric as the problem detail repeats it: cut short, never a wall of text. */
    private static String shown(String metric) {
        return metric.length() > LONGEST_METRIC ? metric.substring(0, LONGEST_METRIC) + "…" : metric;
    }
}
